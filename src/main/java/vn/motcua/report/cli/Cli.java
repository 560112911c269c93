package vn.motcua.report.cli;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.report.config.ConfigException;
import vn.motcua.report.dossier.ImportException;
import vn.motcua.report.period.PeriodException;
import vn.motcua.report.report.ReportStateException;
import vn.motcua.report.system.Refusal;

/** Runs one command and turns what happened into an exit code and a message for the operator. */
@Component
public class Cli {

    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    /** A command of the command line. */
    public interface Command {
        int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception;
    }

    private final Map<String, Command> commands;

    public Cli(ImportCommand importCommand, RunCommand runCommand, DemoCommand demoCommand, BenchCommand benchCommand,
               RestartCommand restartCommand, RerunCommand rerunCommand, HistoryCommand historyCommand,
               ExplainCommand explainCommand, SignOffCommand signOffCommand, VerifyCommand verifyCommand) {
        this.commands = Map.ofEntries(Map.entry("import", importCommand), Map.entry("run", runCommand),
                Map.entry("demo", demoCommand), Map.entry("bench", benchCommand), Map.entry("restart", restartCommand),
                Map.entry("rerun", rerunCommand), Map.entry("history", historyCommand),
                Map.entry("explain", explainCommand), Map.entry("sign-off", signOffCommand),
                Map.entry("verify", verifyCommand));
    }

    public int execute(CommandLine line, PrintStream out, PrintStream err) {
        Command command = commands.get(line.name());
        if (command == null) {
            err.println("motcua-report: unknown command '" + line.name() + "'");
            return ExitCode.BAD_INPUT;
        }
        try {
            return command.execute(line, out, err);
        } catch (Refusal e) {
            log.info("{} refused: {}", line.name(), e.getMessage(), e.getCause());
            err.println("motcua-report: " + message(e));
            return ExitCode.BAD_INPUT;
        } catch (UsageException | PeriodException | ConfigException | ImportException | ReportStateException e) {
            log.info("{} refused: {}", line.name(), e.getMessage());
            err.println("motcua-report: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (Exception e) {
            log.error("{} failed", line.name(), e);
            err.println("motcua-report: " + line.name() + " failed: " + rootMessage(e));
            err.println("Details are in the log file under $MOTCUA_HOME/logs.");
            return ExitCode.FAILED;
        }
    }

    /** A refusal in the product's words (messages.properties, Vietnamese). */
    public static String message(Refusal refusal) {
        return text(refusal.key(), refusal.arguments());
    }

    /** The message {@code key} of messages.properties (Vietnamese) with its arguments. */
    public static String text(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", Locale.ROOT);
        return new MessageFormat(bundle.getString(key), Locale.forLanguageTag("vi-VN")).format(arguments);
    }

    /** The innermost message of an exception chain: usually the one that says what went wrong. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
