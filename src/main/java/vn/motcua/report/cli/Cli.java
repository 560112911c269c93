package vn.motcua.report.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.report.config.ConfigException;
import vn.motcua.report.dossier.ImportException;
import vn.motcua.report.period.PeriodException;
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
    private final MessageSource messages;
    private final Locale locale;

    public Cli(ImportCommand importCommand, RunCommand runCommand, DemoCommand demoCommand, BenchCommand benchCommand,
               RestartCommand restartCommand, RerunCommand rerunCommand, HistoryCommand historyCommand,
               ExplainCommand explainCommand, SignOffCommand signOffCommand, VerifyCommand verifyCommand,
               MessageSource messages, @Value("${motcua.lang:vi}") String language) {
        this.messages = messages;
        this.locale = Locale.forLanguageTag(language);
        this.commands = Map.ofEntries(Map.entry("import", importCommand), Map.entry("run", runCommand),
                Map.entry("demo", demoCommand), Map.entry("bench", benchCommand), Map.entry("restart", restartCommand),
                Map.entry("rerun", rerunCommand), Map.entry("history", historyCommand),
                Map.entry("explain", explainCommand), Map.entry("sign-off", signOffCommand),
                Map.entry("verify", verifyCommand));
    }

    /**
     * What a command needs set before Spring and the database start, from its own configuration: bench runs
     * in a scratch database ({@link vn.motcua.report.db.ScratchDatabase}).
     */
    public static Map<String, Object> startupProperties(CommandLine line) {
        return switch (line.name()) {
            case "bench" -> BenchCommand.startupProperties(line);
            default -> Map.of();
        };
    }

    public int execute(CommandLine line, PrintStream out, PrintStream err) {
        Command command = commands.get(line.name());
        if (command == null) {
            err.println("motcua-report: unknown command '" + line.name() + "'");
            return ExitCode.BAD_INPUT;
        }
        try {
            return command.execute(line, out, err);
        } catch (UsageException | PeriodException | ConfigException | ImportException e) {
            log.info("{} refused: {}", line.name(), e.getMessage());
            err.println("motcua-report: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (Refusal e) {
            log.info("{} refused: {}", line.name(), e.getMessage());
            err.println("motcua-report: " + messages.getMessage(e.key(), e.arguments(), locale));
            return ExitCode.BAD_INPUT;
        } catch (Exception e) {
            log.error("{} failed", line.name(), e);
            err.println("motcua-report: " + line.name() + " failed: " + rootMessage(e));
            err.println("Details are in the log file under $MOTCUA_HOME/logs.");
            return ExitCode.FAILED;
        }
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
