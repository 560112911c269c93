package vn.motcua.report.report;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import vn.motcua.report.revision.ExecutionHistory;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.RevisionStatus;
import vn.motcua.report.revision.RunningProcess;

/**
 * Keeps the revision's status with its execution's: as an execution starts, which process runs it (for
 * 'history' and for a second command's refusal) and the revision RUNNING again on a restart; when it
 * ends unsuccessfully, the revision FAILED. (COMPLETED is marked once Spring Batch recorded the execution
 * COMPLETED, which is after this listener: see {@link ReportService}.)
 */
class RevisionStatusListener implements JobExecutionListener {

    private final RevisionRepository revisions;
    private final ExecutionHistory history;

    RevisionStatusListener(RevisionRepository revisions, ExecutionHistory history) {
        this.revisions = revisions;
        this.history = history;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        ReportParameters params = ReportParameters.from(execution.getJobParameters());
        history.recordProcess(execution.getId(), params.period().name(), params.revision(), RunningProcess.current());
        revisions.markRunning(params.period().named(), params.revision(), execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (!execution.getStatus().isUnsuccessful()) {
            return;
        }
        ReportParameters params = ReportParameters.from(execution.getJobParameters());
        revisions.find(params.period().named(), params.revision())
                .ifPresent(r -> revisions.setStatus(r.id(), RevisionStatus.FAILED));
    }
}
