package vn.motcua.report.report;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.motcua.report.revision.RevisionRepository;

/**
 * Step 1: a zero row per catalogue field of the job's revision (or the existing ones, on a restart); the revision
 * itself is its execution's from the start ({@link RevisionLifecycle}).
 */
class OpenRevisionStep implements Tasklet {

    private final RevisionRepository revisions;

    OpenRevisionStep(RevisionRepository revisions) {
        this.revisions = revisions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReportParameters params = ReportParameters.from(contribution.getStepExecution().getJobParameters());
        revisions.openRows(revisions.of(params.report(), params.revision()));
        return RepeatStatus.FINISHED;
    }
}
