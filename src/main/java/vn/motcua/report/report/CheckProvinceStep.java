package vn.motcua.report.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.motcua.report.centre.Centres;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.CentreSpellings;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;

/**
 * The province job's check, after {@code classifyProvince}: every dossier recounted once, by stored receiving centre
 * ({@link IndependentRecount#byCentre}), and each revision the reading wrote checked against its part as a report's
 * own check step checks it ({@link RevisionCheck}): the consolidation against all of it, each centre to make against
 * its spellings'. The recount by centre is also the consolidation's table by centre ({@link CentreRows#of}), kept
 * with its revision for its {@code centreTable} step to check against the centres' revisions it cites. Any
 * difference fails the job before a document is written.
 */
class CheckProvinceStep implements Tasklet {

    static final String NAME = "checkProvince";

    private final RevisionRepository revisions;
    private final RevisionCheck check;
    private final IndependentRecount recount;
    private final CentreRows centreRows;
    private final CentreSpellings centreSpellings;
    private final JobsFolder jobs;

    CheckProvinceStep(RevisionRepository revisions, RevisionCheck check, IndependentRecount recount,
                      CentreRows centreRows, CentreSpellings centreSpellings, JobsFolder jobs) {
        this.revisions = revisions;
        this.check = check;
        this.recount = recount;
        this.centreRows = centreRows;
        this.centreSpellings = centreSpellings;
        this.jobs = jobs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReportParameters params = ReportParameters.from(contribution.getStepExecution().getJobParameters());
        Revision consolidation = revisions.of(params.report(), params.revision());
        Map<String, IndependentRecount.Recount> byStored = recount.byCentre(params.period());
        List<String> problems = new ArrayList<>();
        problems.addAll(check.problems(consolidation, IndependentRecount.Recount.sum(byStored.values())));
        List<CentreRows.CitedCentre> made = centreRows.cited(consolidation).stream()
                .filter(CentreRows.CitedCentre::made).toList();
        Map<String, List<String>> spellings = centreSpellings.of(made.stream().map(CentreRows.CitedCentre::centre)
                .toList());
        for (CentreRows.CitedCentre centre : made) {
            Revision ofCentre = revisions.of(new ReportKey(params.period().named(), centre.centre()), centre.revision());
            List<IndependentRecount.Recount> parts = spellings.get(centre.centre()).stream()
                    .filter(byStored::containsKey).map(byStored::get).toList();
            check.problems(ofCentre, IndependentRecount.Recount.sum(parts))
                    .forEach(p -> problems.add(centre.centre() + ": " + p));
        }
        check.failOn(problems, consolidation);
        Map<String, Tally> totals = new HashMap<>();
        byStored.forEach((stored, of) -> {
            Tally total = new Tally();
            of.byField().values().forEach(total::add);
            totals.put(stored, total);
        });
        centreRows.save(consolidation, centreRows.of(totals, Centres.load(jobs).orElseThrow()));
        return RepeatStatus.FINISHED;
    }
}
