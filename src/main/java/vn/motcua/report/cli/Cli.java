package vn.motcua.report.cli;

import java.util.Map;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.fault.DatabaseFaults;
import vn.motcua.report.fault.DatabaseWatch;
import vn.motcua.report.system.Fault;
import vn.motcua.report.system.LogStatus;
import vn.motcua.report.system.Refusal;

/**
 * Runs one parsed command and turns what happened into an exit code and a sentence for the operator:
 * a refusal in the user's words (exit 2); a fault outside the program (a full disk, a database that does
 * not answer) said as such (exit 1); anything else, a sentence pointing to the log, where the details go
 * (exit 1). No exception's own text ever reaches the terminal.
 */
@Component
public class Cli {

    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    /**
     * A command of the command line, as picocli parsed it: a plain object holding its typed options (checked
     * before anything starts), executed once Spring and the database are up. The services it needs are its
     * {@code @Autowired} fields, filled in just before it runs; it presents what they did on the terminal.
     */
    public interface Command {

        /** Does the work with the injected services; returns the exit code ({@link ExitCode}). */
        int execute(Terminal terminal) throws Exception;

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

    /** Ends the process at once, shutdown hooks and all skipped (a test puts a recorder in its place). */
    IntConsumer halt = code -> Runtime.getRuntime().halt(code);

    public Cli(ApplicationContext spring, @Value("${logging.file.name:}") String logFile) {
        this.spring = spring;
        this.logFile = logFile;
    }

    public int execute(Command command, Terminal terminal) {
        return execute(command, terminal, null);
    }

    /**
     * As {@link #execute}, in the command line's own process: the database is watched while the command runs
     * ({@link DatabaseWatch}), and one that stops answering ends the process with its sentence and exit 1,
     * rather than a command hanging on it.
     */
    public int executeWatched(Command command, Terminal terminal) {
        DatabaseWatch watch = spring.getBean(DatabaseFaults.class).watch(fault -> endProcess(fault, terminal));
        try {
            return execute(command, terminal, watch);
        } finally {
            if (watch != null) {
                watch.stop();
            }
        }
    }

    private int execute(Command command, Terminal terminal, DatabaseWatch watch) {
        String name = Launcher.name(command);
        try {
            spring.getBean(JobsFolder.class).readAfresh();
            spring.getAutowireCapableBeanFactory().autowireBean(command);
            return command.execute(terminal);
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
            Fault fault = faultOf(e);
            if (fault != null) {
                log.error("{} failed: {}", name, fault.getMessage(), e);
                if (watch != null && DatabaseFaults.isDatabase(fault) && watch.stop()) {
                    // Closing would wait on the database too: the sentence, and the process ends.
                    endProcess(fault, terminal);
                    return ExitCode.FAILED;
                }
                terminal.refuse(terminal.text(fault));
                return ExitCode.FAILED;
            }
            log.error("{} failed", name, e);
            terminal.refuse(terminal.text("cli.failed", name, logFile));
            return ExitCode.FAILED;
        } finally {
            if (LogStatus.unwritable()) {
                terminal.refuse(terminal.text("fault.log-unwritable", logFile));
            }
        }
    }

    /**
     * The fault behind a failure, worded for the user: a full disk, a database that does not answer. Null for
     * anything else (an internal error, whose details go to the log).
     */
    public Fault faultOf(Throwable failure) {
        return spring.getBean(DatabaseFaults.class).faultOf(failure);
    }

    /** Says the fault and ends the process at once (exit 1): nothing waits on a database that does not answer. */
    private void endProcess(Fault fault, Terminal terminal) {
        log.error("Ending the command: {}", fault.getMessage());
        terminal.refuse(terminal.text(fault));
        terminal.err().flush();
        terminal.out().flush();
        halt.accept(ExitCode.FAILED);
    }

    /** Where the details of a failure are: the log file. */
    public String logFile() {
        return logFile;
    }
}
