package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import vn.motcua.report.system.Messages;
import vn.motcua.report.system.Worded;

/** Where a command writes (its output, its errors) and in which language. */
public record Terminal(PrintStream out, PrintStream err, Messages messages) {

    /** The program's name, as every error line starts. */
    static final String PROGRAM = "motcua-report";

    /** The process's own streams in UTF-8; the language from {@code --lang} or {@code MOTCUA_LANG}. */
    public static Terminal system(String[] args) {
        return new Terminal(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8),
                Messages.of(Messages.localeOf(language(args, System.getenv("MOTCUA_LANG")))));
    }

    /**
     * The language asked for: {@code --lang X} (or {@code --lang=X}) anywhere on the command line, else the
     * environment's. Looked up before parsing, so that even a parse error is worded in that language.
     */
    static String language(String[] args, String environment) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
        }
        return environment;
    }

    public String text(String key, Object... arguments) {
        return messages.text(key, arguments);
    }

    public String text(Worded worded) {
        return messages.text(worded);
    }

    /** A line of the command's output. */
    public void say(String key, Object... arguments) {
        out.println(text(key, arguments));
    }

    /** A line on the error stream, as is (already worded). */
    public void note(String key, Object... arguments) {
        err.println(text(key, arguments));
    }

    /** The one line of a refusal: "motcua-report: ...". */
    public void refuse(String sentence) {
        err.println(PROGRAM + ": " + sentence);
    }
}
