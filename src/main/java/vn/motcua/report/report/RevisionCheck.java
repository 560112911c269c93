package vn.motcua.report.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.CellDossiers;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.UnitRows;

/**
 * What the check steps check of a revision: the table's {@link Identities}, every field and every unit's sums
 * ({@link UnitRows#sums}) against an {@link IndependentRecount} of its dossiers, and the revision's per-dossier cells
 * against its rows. A report's own check step ({@link CheckStep}) recounts its dossiers; a province run's
 * ({@link CheckProvinceStep}) recounts every centre's at once.
 */
class RevisionCheck {

    private final RevisionRepository revisions;
    private final CellDossiers cells;
    private final ChangedDossiers changed;
    private final UnitRows units;

    RevisionCheck(RevisionRepository revisions, CellDossiers cells, ChangedDossiers changed, UnitRows units) {
        this.revisions = revisions;
        this.cells = cells;
        this.changed = changed;
        this.units = units;
    }

    /** Each difference between the revision and the recount of its dossiers, in words; none when they agree. */
    List<String> problems(Revision revision, IndependentRecount.Recount independent) {
        ReportTable table = revisions.table(revision);
        List<String> problems = new ArrayList<>();
        for (ReportRow row : table.rows()) {
            problems.addAll(Identities.violations("field " + row.field(), row.counts()));
        }
        problems.addAll(Identities.violations("total", table.total()));
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
        return problems;
    }

    /**
     * Fails the job when there are problems: a wrong report is never produced. When imports that committed after
     * {@code read} began to read changed dossiers of its scope, the difference is the data's, not the program's:
     * {@link DataChangedDuringRun}.
     */
    void failOn(List<String> problems, Revision read) {
        if (problems.isEmpty()) {
            return;
        }
        IllegalStateException failed = new IllegalStateException("The report's checks failed for "
                + read.key() + " revision " + read.revision() + ":\n  " + String.join("\n  ", problems));
        long changedSince = changed.count(read);
        if (changedSince > 0) {
            throw new DataChangedDuringRun(read.key().toString(), read.revision(), changedSince, failed);
        }
        throw failed;
    }
}
