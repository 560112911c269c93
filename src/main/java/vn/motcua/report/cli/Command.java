package vn.motcua.report.cli;

import java.util.Map;

/**
 * A command of the command line, as picocli parsed it: a plain object holding its typed options (checked
 * before anything starts), executed once Spring and the database are up.
 */
public interface Command {

    /** Does the work with the application's services; returns the exit code ({@link ExitCode}). */
    int execute(Session session) throws Exception;

    /**
     * Spring properties this command needs before start-up, e.g. a scratch database; called once, before
     * Spring starts.
     */
    default Map<String, Object> startupProperties() throws java.io.IOException {
        return Map.of();
    }

    /** Called after Spring and the database stopped (e.g. to remove a scratch database). */
    default void afterStop(Terminal terminal) {
    }
}
