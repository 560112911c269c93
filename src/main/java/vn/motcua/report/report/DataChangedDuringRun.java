package vn.motcua.report.report;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;

import vn.motcua.report.system.Refusal;

/**
 * The check step found the revision's counts and the data apart because an import committed while the job ran:
 * not a fault of the program, and resuming cannot help (the counted chunks read the old data). The execution is
 * abandoned, and the operator makes the revision again with rerun, over the data as it is now.
 */
public class DataChangedDuringRun extends Refusal {

    /** {@code problems}: what the checks found, for the log. */
    DataChangedDuringRun(String period, int revision, long changed, Throwable problems) {
        super(problems, "report.data-changed", period, revision, changed);
    }

    /** The one a failed execution ended with, if it did. */
    public static Optional<DataChangedDuringRun> in(JobExecution execution) {
        return execution.getAllFailureExceptions().stream()
                .map(DataChangedDuringRun::in).flatMap(Optional::stream).findFirst();
    }

    private static Optional<DataChangedDuringRun> in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataChangedDuringRun d) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
