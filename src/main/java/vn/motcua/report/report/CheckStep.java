package vn.motcua.report.report;

import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.revision.CentreSpellings;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;

/**
 * Step 3: the revision against an {@link IndependentRecount} of its dossiers ({@link RevisionCheck}). Any difference
 * fails the job: a wrong report is never produced. A report made in a province run was checked with the others by
 * the province job's {@link CheckProvinceStep}: nothing is left to do.
 */
class CheckStep extends RevisionTasklet {

    static final String NAME = "check";

    private final RevisionCheck check;
    private final IndependentRecount recount;
    private final CentreSpellings centres;

    CheckStep(RevisionRepository revisions, RevisionCheck check, IndependentRecount recount, CentreSpellings centres) {
        super(revisions);
        this.check = check;
        this.recount = recount;
        this.centres = centres;
    }

    @Override
    void execute(ReportParameters params, Revision revision, StepExecution step) {
        if (params.classifiedByProvince()) {
            return;
        }
        // The stored spellings of the report's centre, or null for every dossier (report.yaml's centre).
        check.failOn(check.problems(revision, recount.byFieldAndUnit(params.period(), centres.scope(params.centre()))),
                revision);
    }
}
