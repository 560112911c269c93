package vn.motcua.report.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

import vn.motcua.report.system.Messages;
import vn.motcua.report.system.Refusal;

/**
 * The command line, parsed by picocli before Spring or the database starts: the syntax of every command
 * is its class's annotations; the help texts are the {@code help.*} keys of messages.properties. A typo,
 * a wrong period or a missing file is answered here with one line and exit 2, and nothing is started.
 */
public final class Launcher {

    /** The top command: only subcommands, and the options every command takes. */
    @Command(name = Terminal.PROGRAM, subcommands = {Help.class, DemoCommand.class,
            ImportCommand.class, RunCommand.class, RerunCommand.class, RestartCommand.class, HistoryCommand.class,
            ExplainCommand.class, SignOffCommand.class, SealCommand.class, RenewCommand.class, VerifyCommand.class, BenchCommand.class},
            usageHelpAutoWidth = true)
    static final class Top {
        @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, descriptionKey = "option.help")
        boolean help;

        @Option(names = "--lang", paramLabel = "vi|en", scope = ScopeType.INHERIT, descriptionKey = "option.lang",
                converter = Converters.Language.class)
        String language;
    }

    /** {@code help [COMMAND]}: the same text as {@code COMMAND --help}. */
    @Command(name = "help")
    static final class Help {
        @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND")
        String command;
    }

    /** What parsing gave: a command to run, or the exit code when there is nothing to run (help, bad usage). */
    public record Parsed(Cli.Command command, int exitCode) {
    }

    private Launcher() {
    }

    public static Parsed parse(String[] args, Terminal terminal) {
        CommandLine line = commandLine(terminal.messages());
        line.setOut(new java.io.PrintWriter(terminal.out(), true));
        line.setErr(new java.io.PrintWriter(terminal.err(), true));
        if (args.length == 0) {
            line.usage(terminal.out());
            return new Parsed(null, ExitCode.OK);
        }
        ParseResult result;
        try {
            result = line.parseArgs(args);
        } catch (ParameterException e) {
            terminal.refuse(usageError(e, terminal));
            return new Parsed(null, ExitCode.BAD_INPUT);
        }
        Integer helped = CommandLine.executeHelpRequest(result);
        if (helped != null) {
            return new Parsed(null, ExitCode.OK);
        }
        ParseResult leaf = result;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Object command = leaf.commandSpec().userObject();
        if (command instanceof Help help) {
            CommandLine about = help.command == null ? line : line.getSubcommands().get(help.command);
            if (about == null) {
                terminal.refuse(terminal.text("cli.usage-error-top", terminal.text("cli.unknown-command", help.command)));
                return new Parsed(null, ExitCode.BAD_INPUT);
            }
            about.usage(terminal.out());
            return new Parsed(null, ExitCode.OK);
        }
        if (!(command instanceof Cli.Command c)) {
            line.usage(terminal.out());
            return new Parsed(null, ExitCode.OK);
        }
        try {
            if (command instanceof Checked checked) {
                checked.check();
            }
        } catch (Refusal e) {
            terminal.refuse(terminal.text("cli.usage-error", terminal.text(e), qualifiedName(leaf.commandSpec().commandLine())));
            return new Parsed(null, ExitCode.BAD_INPUT);
        }
        return new Parsed(c, ExitCode.OK);
    }

    /** A command whose options are checked together once parsed (one option needs another, say). */
    interface Checked {
        void check();
    }

    static CommandLine commandLine(Messages messages) {
        CommandLine line = new CommandLine(new Top());
        line.setResourceBundle(messages.bundle("help."));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpAutoWidth(true);
        return line;
    }

    /** The command's name as typed ("run", "import"). */
    static String name(Cli.Command command) {
        Command annotation = command.getClass().getAnnotation(Command.class);
        return annotation == null ? command.getClass().getSimpleName() : annotation.name();
    }

    /** The refusal behind an exception, if one is in its chain (Spring may wrap it). */
    public static Refusal refusalIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal r) {
                return r;
            }
        }
        return null;
    }

    /** One line in the user's words for what picocli found wrong, and where to read the command's help. */
    private static String usageError(ParameterException e, Terminal t) {
        CommandLine where = e.getCommandLine();
        String command = where.getCommandSpec().name();
        boolean top = where.getParent() == null;
        String what;
        Refusal refusal = refusalIn(e);
        if (refusal != null) {
            what = e.getArgSpec() instanceof OptionSpec o ? t.text("cli.option-value-refused", o.longestName(), t.text(refusal))
                    : t.text(refusal);
        } else if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            if (first.startsWith("-")) {
                String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                what = top ? t.text("cli.unknown-command", option) : t.text("cli.unknown-option", command, option);
            } else {
                what = top ? t.text("cli.unknown-command", first) : t.text("cli.extra-argument", command, first);
            }
        } else if (unknownOption(where) != null) {
            // A misspelt option also leaves a required one missing: the misspelling is what to fix.
            what = t.text("cli.unknown-option", command, unknownOption(where));
        } else if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().get(0);
            what = missing instanceof OptionSpec o
                    ? (m.getMessage().startsWith("Missing required option")
                        ? t.text("cli.missing-option", o.longestName(), o.paramLabel())
                        : t.text("cli.option-needs-value", o.longestName(), o.paramLabel()))
                    : t.text("cli.missing-argument", missing.paramLabel());
        } else if (e instanceof CommandLine.OverwrittenOptionException o) {
            what = t.text("cli.option-twice", o.getOverwritten() instanceof OptionSpec spec ? spec.longestName()
                    : o.getOverwritten().paramLabel());
        } else if (e.getArgSpec() instanceof OptionSpec o && o.arity().max() == 0) {
            what = t.text("cli.flag-takes-no-value", o.longestName());
        } else if (e.getArgSpec() instanceof OptionSpec o) {
            what = t.text("cli.wrong-option-value", o.longestName(), e.getValue());
        } else if (e.getArgSpec() != null) {
            what = t.text("cli.wrong-argument", e.getValue(), e.getArgSpec().paramLabel());
        } else {
            what = t.text("cli.wrong-usage");
        }
        if (top) {
            return t.text("cli.usage-error-top", what);
        }
        return t.text("cli.usage-error", what, qualifiedName(where));
    }

    /** The first word that looks like an option and that the command does not have, if any. */
    private static String unknownOption(CommandLine line) {
        ParseResult result = line.getParseResult();
        if (result == null) {
            return null;
        }
        return result.unmatched().stream().filter(a -> a.startsWith("-"))
                .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a).findFirst().orElse(null);
    }

    private static String qualifiedName(CommandLine line) {
        String name = line.getCommandSpec().qualifiedName(" ");
        return name.startsWith(Terminal.PROGRAM + " ") ? name.substring(Terminal.PROGRAM.length() + 1) : name;
    }
}
