package vn.motcua.report.report;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.motcua.report.revision.RevisionRepository;

/** Step 1: the revision's row and a zero row per catalogue field (or the existing ones, on a restart). */
class OpenRevisionStep implements Tasklet {

    private final RevisionRepository revisions;

    OpenRevisionStep(RevisionRepository revisions) {
        this.revisions = revisions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReportParameters params = ReportParameters.from(contribution.getStepExecution().getJobParameters());
        revisions.open(params.period(), params.revision(), params.reason(),
                contribution.getStepExecution().getJobExecutionId());
        return RepeatStatus.FINISHED;
    }
}
