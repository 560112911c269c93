package vn.motcua.report.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.step.StepExecution;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.CellDossiers;
import vn.motcua.report.revision.CentreSpellings;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.UnitRows;

/**
 * Step 3: the table's {@link Identities}, every field and every unit's sums ({@link UnitRows#sums}) against
 * the {@link IndependentRecount}, and the revision's per-dossier cells against its rows. Any difference fails the job: a wrong report is never
 * produced. When imports that committed after the revision began to read changed dossiers of its scope, the
 * difference is the data's, not the program's: the job fails with {@link DataChangedDuringRun}.
 */
class CheckStep extends RevisionTasklet {

    static final String NAME = "check";

    private final RevisionRepository revisions;
    private final CellDossiers cells;
    private final IndependentRecount recount;
    private final ChangedDossiers changed;
    private final UnitRows units;

    private final CentreSpellings centres;

    CheckStep(RevisionRepository revisions, CellDossiers cells, IndependentRecount recount, ChangedDossiers changed,
              UnitRows units, CentreSpellings centres) {
        super(revisions);
        this.centres = centres;
        this.revisions = revisions;
        this.cells = cells;
        this.units = units;
        this.recount = recount;
        this.changed = changed;
    }

    /** The stored spellings of the report's centre, or null for every dossier (report.yaml's centre, the consolidation). */
    private List<String> spellings(ReportParameters params) {
        return centres.scope(params.centre());
    }

    @Override
    void execute(ReportParameters params, Revision revision, StepExecution step) {
        ReportTable table = revisions.table(revision);
        List<String> problems = new ArrayList<>();
        for (ReportRow row : table.rows()) {
            problems.addAll(Identities.violations("field " + row.field(), row.counts()));
        }
        problems.addAll(Identities.violations("total", table.total()));
        IndependentRecount.Recount independent = recount.byFieldAndUnit(params.period(), spellings(params));
        for (ReportRow row : table.rows()) {
            Tally expected = independent.byField().getOrDefault(row.field(), new Tally());
            if (!expected.equals(row.counts())) {
                problems.add("field " + row.field() + ": job counted " + row.counts() + " but SQL counts " + expected);
            }
        }
        Map<String, Tally> byUnit = units.sums(revision);
        byUnit.forEach((unit, counts) -> problems.addAll(Identities.violations("unit '" + unit + "'", counts)));
        if (!byUnit.equals(independent.byUnit())) {
            problems.add("by unit the job counted " + byUnit + " but SQL counts " + independent.byUnit());
        }
        long classified = cells.count(revision);
        if (classified != table.total().get(Counter.TOTAL)) {
            problems.add("the revision classified " + classified + " dossiers but its rows total "
                    + table.total().get(Counter.TOTAL));
        }
        if (!problems.isEmpty()) {
            IllegalStateException failed = new IllegalStateException("The report's checks failed for "
                    + params.report() + " revision " + revision.revision() + ":\n  " + String.join("\n  ", problems));
            long changedSince = changed.count(revision);
            if (changedSince > 0) {
                throw new DataChangedDuringRun(revision.key().toString(), revision.revision(), changedSince, failed);
            }
            throw failed;
        }
    }
}
