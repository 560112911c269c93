package vn.motcua.report.report;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

import vn.motcua.report.centre.Centre;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.system.Refusal;

/**
 * The province job's first step: which listed centres get a new revision of their report, and which revision of
 * each the consolidation cites. A centre whose latest revision completed and whose counted dossiers did not change
 * since it read them ({@link ChangedDossiers}) keeps it; any other gets its next revision (1 when it has none),
 * reserved here. Recorded with the consolidation's revision ({@link CentreRows#cite}), in this step's transaction:
 * a restart after it finds the plan made and does not make it again.
 */
class PlanCentresStep implements Tasklet {

    static final String NAME = "planCentres";

    private static final Logger log = LoggerFactory.getLogger(PlanCentresStep.class);

    private final RevisionRepository revisions;
    private final RevisionLifecycle lifecycle;
    private final ChangedDossiers changed;
    private final CentreRows centreRows;
    private final JobsFolder jobs;

    PlanCentresStep(RevisionRepository revisions, RevisionLifecycle lifecycle, ChangedDossiers changed,
                    CentreRows centreRows, JobsFolder jobs) {
        this.revisions = revisions;
        this.lifecycle = lifecycle;
        this.changed = changed;
        this.centreRows = centreRows;
        this.jobs = jobs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReportParameters params = ReportParameters.from(contribution.getStepExecution().getJobParameters());
        Centres centres = Centres.load(jobs).orElseThrow(() -> new Refusal("centre.no-centres-file", params.centre(),
                jobs.describe() + "/" + Centres.FILE));
        Revision consolidation = lifecycle.reserve(params.period(), params.centre(), params.revision(), params.reason());
        for (Centre centre : centres.centres()) {
            ReportKey report = new ReportKey(params.period().named(), centre.code());
            Optional<Revision> latest = revisions.latest(report);
            if (latest.isPresent() && latest.get().completed() && changed.count(latest.get()) == 0) {
                centreRows.cite(consolidation, latest.get(), false);
                continue;
            }
            int next = latest.map(r -> r.revision() + 1).orElse(1);
            log.info("{}: revision {} to make for the consolidation's revision {}", report, next, params.revision());
            centreRows.cite(consolidation, lifecycle.reserve(params.period(), centre.code(), next, params.reason()), true);
        }
        return RepeatStatus.FINISHED;
    }
}
