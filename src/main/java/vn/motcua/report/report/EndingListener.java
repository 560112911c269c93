package vn.motcua.report.report;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import vn.motcua.report.revision.ExecutionEnding;
import vn.motcua.report.system.Refusal;

/**
 * Names, in the execution's exit code, a failure that is not a fault of the program: the data changed while it ran,
 * or a refusal of its data or configuration. History reads the code ({@link ExecutionEnding}); the exit message
 * keeps Spring Batch's stack trace, for the log's reader.
 */
class EndingListener implements JobExecutionListener {

    @Override
    public void afterJob(JobExecution execution) {
        if (!execution.getStatus().isUnsuccessful()) {
            return;
        }
        ending(execution).ifPresent(e -> execution.setExitStatus(execution.getExitStatus().replaceExitCode(e.name())));
    }

    private static Optional<ExecutionEnding> ending(JobExecution execution) {
        if (DataChangedDuringRun.in(execution).isPresent()) {
            return Optional.of(ExecutionEnding.DATA_CHANGED);
        }
        return execution.getAllFailureExceptions().stream().anyMatch(EndingListener::refused)
                ? Optional.of(ExecutionEnding.REFUSED) : Optional.empty();
    }

    private static boolean refused(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal) {
                return true;
            }
        }
        return false;
    }
}
