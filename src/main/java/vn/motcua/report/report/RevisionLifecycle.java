package vn.motcua.report.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import vn.motcua.report.period.Period;
import vn.motcua.report.revision.ExecutionHistory;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.RevisionStatus;
import vn.motcua.report.revision.RunningProcess;

/**
 * The one owner of a revision's status ({@link vn.motcua.report.revision.RevisionStatus}): reserved RUNNING before its job starts
 * ({@link #reserve}), RUNNING with the execution that works on it (again on a restart), then COMPLETED or FAILED
 * with that execution. Spring Batch records an execution's end before it calls this listener, so a process
 * killed in between leaves the execution COMPLETED and its revision RUNNING: restart marks it
 * ({@link #completed}), and nothing else changes a revision's status.
 */
class RevisionLifecycle implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RevisionLifecycle.class);

    private final RevisionRepository revisions;
    private final ExecutionHistory history;

    RevisionLifecycle(RevisionRepository revisions, ExecutionHistory history) {
        this.revisions = revisions;
        this.history = history;
    }

    /**
     * Reserves the revision before its job starts (RUNNING, no execution yet): a process killed from here on
     * leaves a revision that restart finishes.
     */
    Revision reserve(Period period, String centre, int revision, String reason) {
        return revisions.reserve(period, centre, revision, reason, null);
    }

    /** As the execution starts: which process runs it, and the revision RUNNING with it (created if none was reserved). */
    @Override
    public void beforeJob(JobExecution execution) {
        ReportParameters params = ReportParameters.from(execution.getJobParameters());
        history.recordProcess(execution.getId(), params.report(), params.revision(), RunningProcess.current());
        revisions.reserve(params.period(), params.centre(), params.revision(), params.reason(), execution.getId());
    }

    /** As the execution ends (already recorded so): COMPLETED with it, or FAILED when it failed. */
    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            completed(execution);
        } else if (execution.getStatus().isUnsuccessful()) {
            ReportParameters params = ReportParameters.from(execution.getJobParameters());
            revisions.find(params.report(), params.revision())
                    .ifPresent(r -> revisions.setStatus(r.id(), RevisionStatus.FAILED));
        }
    }

    /** Marks the revision of a COMPLETED execution COMPLETED, once (also for a process killed before it could). */
    void completed(JobExecution execution) {
        ReportParameters params = ReportParameters.from(execution.getJobParameters());
        Revision r = revisions.of(params.report(), params.revision());
        if (!r.completed()) {
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("execution " + execution.getId() + " is " + execution.getStatus()
                        + ", not COMPLETED: its revision " + r.revision() + " of " + r.key() + " cannot be");
            }
            log.info("{} revision {} completed with execution {}", r.key(), r.revision(), execution.getId());
            revisions.setStatus(r.id(), RevisionStatus.COMPLETED);
        }
    }
}
