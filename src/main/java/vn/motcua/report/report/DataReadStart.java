package vn.motcua.report.report;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.revision.RevisionRepository;

/**
 * Before the classify step's first read (and a restart's), outside any transaction: the data version the
 * revision reads from, so every import committed by now is in what it reads, and a later one is known to be not.
 */
class DataReadStart implements StepExecutionListener {

    private final RevisionRepository revisions;

    DataReadStart(RevisionRepository revisions) {
        this.revisions = revisions;
    }

    @Override
    public void beforeStep(StepExecution classify) {
        ReportParameters params = ReportParameters.from(classify.getJobParameters());
        revisions.recordDataRead(revisions.of(params.report(), params.revision()).id());
    }
}
