package vn.motcua.report.report;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;

/**
 * A one-shot step of the report job that works on the job's revision (which {@link OpenRevisionStep}
 * made): the parameters and the revision are found here once, for every such step.
 */
abstract class RevisionTasklet implements Tasklet {

    private final RevisionRepository revisions;

    RevisionTasklet(RevisionRepository revisions) {
        this.revisions = revisions;
    }

    @Override
    public final RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = contribution.getStepExecution();
        ReportParameters params = ReportParameters.from(step.getJobParameters());
        execute(params, revisions.of(params.report(), params.revision()), step);
        return RepeatStatus.FINISHED;
    }

    /** The step's work on {@code revision}, the job's revision of {@code params.period()}. */
    abstract void execute(ReportParameters params, Revision revision, StepExecution step) throws Exception;
}
