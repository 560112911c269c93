package vn.motcua.report.cli;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.system.Refusal;

/**
 * Runs one parsed command and turns what happened into an exit code and a sentence for the operator:
 * a refusal in the user's words (exit 2); anything else, a sentence pointing to the log, where the
 * details go (exit 1). No exception's own text ever reaches the terminal.
 */
@Component
public class Cli {

    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    /**
     * A command of the command line, as picocli parsed it: a plain object holding its typed options (checked
     * before anything starts), executed once Spring and the database are up.
     */
    public interface Command {

        /** Does the work with the application's services; returns the exit code ({@link ExitCode}). */
        int execute(Session session) throws Exception;

        /**
         * Spring properties this command needs before start-up, e.g. a scratch database of its own
         * ({@link vn.motcua.report.db.ScratchDatabase#properties}); they come before the environment's.
         */
        default Map<String, Object> startupProperties() {
            return Map.of();
        }
    }

    private final ApplicationContext spring;
    private final String logFile;

    public Cli(ApplicationContext spring, @Value("${logging.file.name:}") String logFile) {
        this.spring = spring;
        this.logFile = logFile;
    }

    public int execute(Command command, Terminal terminal) {
        String name = Launcher.name(command);
        try {
            spring.getBean(JobsFolder.class).readAfresh();
            return command.execute(new Session(spring, terminal));
        } catch (Refusal e) {
            log.info("{} refused: {}", name, e.getMessage(), e.getCause());
            terminal.refuse(terminal.text(e));
            return ExitCode.BAD_INPUT;
        } catch (Exception e) {
            Refusal refusal = Launcher.refusalIn(e);
            if (refusal != null) {
                log.info("{} refused: {}", name, refusal.getMessage(), e);
                terminal.refuse(terminal.text(refusal));
                return ExitCode.BAD_INPUT;
            }
            log.error("{} failed", name, e);
            terminal.refuse(terminal.text("cli.failed", name, logFile));
            return ExitCode.FAILED;
        }
    }

    /** Where the details of a failure are: the log file. */
    public String logFile() {
        return logFile;
    }
}
