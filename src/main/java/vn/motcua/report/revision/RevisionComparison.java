package vn.motcua.report.revision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.motcua.report.classify.Tally;

/** What changed between two revisions of a period: cell by cell, and which dossiers moved between cells. */
@Component
public class RevisionComparison {

    /** One cell of the table whose count changed; {@code field} is a catalogue code or TOTAL. */
    public record CellChange(String field, TableColumn column, long before, long after) {
    }

    /**
     * Where one revision counted a dossier: its field, intake and result (lower case, as explain shows them), its
     * outcome in the period (null when none) and whether its apology letter counted.
     */
    public record Cell(String field, String intake, String result, String outcome, boolean apology) {
    }

    /** A dossier whose cell differs; {@code before} or {@code after} is null when out of that revision. */
    public record Move(String code, Cell before, Cell after) {
    }

    /**
     * A row of the table that the catalogue changed between the two revisions: a field renamed (same code,
     * another name), added (only in the later one) or retired (only in the earlier one).
     */
    public record RowChange(Kind kind, String field, String before, String after) {
        public enum Kind { RENAMED, ADDED, RETIRED }
    }

    public record Differences(Revision before, Revision after, List<RowChange> rows, List<CellChange> cells,
                              List<Move> moves) {
        public boolean none() {
            return rows.isEmpty() && cells.isEmpty() && moves.isEmpty();
        }
    }

    private static final String MOVES = """
            SELECT d.code, a.field_code, lower(a.intake), lower(a.result), a.outcome, a.apology,
                   b.field_code, lower(b.intake), lower(b.result), b.outcome, b.apology
              FROM (SELECT * FROM report_dossier WHERE revision_id = ?) a
              FULL JOIN (SELECT * FROM report_dossier WHERE revision_id = ?) b ON b.dossier_id = a.dossier_id
              JOIN dossier d ON d.id = coalesce(a.dossier_id, b.dossier_id)
             WHERE (a.field_code, a.intake, a.result, a.outcome, a.apology)
                   IS DISTINCT FROM (b.field_code, b.intake, b.result, b.outcome, b.apology)
             ORDER BY d.code""";

    private final RevisionRepository revisions;
    private final JdbcTemplate jdbc;

    public RevisionComparison(RevisionRepository revisions, JdbcTemplate jdbc) {
        this.revisions = revisions;
        this.jdbc = jdbc;
    }

    public Differences compare(Revision before, Revision after) {
        ReportTable a = revisions.table(before);
        ReportTable b = revisions.table(after);
        // Rows are matched by field code: each revision has the rows of the catalogue it was run with.
        Map<String, ReportRow> earlier = new LinkedHashMap<>();
        a.rows().forEach(r -> earlier.put(r.field(), r));
        List<RowChange> rows = new ArrayList<>();
        List<CellChange> cells = new ArrayList<>();
        Tally none = new Tally();
        for (ReportRow later : b.rows()) {
            ReportRow was = earlier.remove(later.field());
            if (was == null) {
                rows.add(new RowChange(RowChange.Kind.ADDED, later.field(), null, later.name()));
            } else if (!was.name().equals(later.name())) {
                rows.add(new RowChange(RowChange.Kind.RENAMED, later.field(), was.name(), later.name()));
            }
            changes(later.field(), was == null ? none : was.counts(), later.counts(), cells);
        }
        for (ReportRow retired : earlier.values()) {
            rows.add(new RowChange(RowChange.Kind.RETIRED, retired.field(), retired.name(), null));
            changes(retired.field(), retired.counts(), none, cells);
        }
        changes("TOTAL", a.total(), b.total(), cells);
        List<Move> moves = jdbc.query(MOVES, (rs, n) -> new Move(rs.getString(1), cell(rs, 2), cell(rs, 7)),
                before.id(), after.id());
        return new Differences(before, after, List.copyOf(rows), cells, moves);
    }

    /** The cell of the five columns from {@code first}; null when the revision did not count the dossier. */
    private static Cell cell(ResultSet rs, int first) throws SQLException {
        return rs.getString(first) == null ? null : new Cell(rs.getString(first), rs.getString(first + 1),
                rs.getString(first + 2), rs.getString(first + 3), rs.getBoolean(first + 4));
    }

    private static void changes(String field, Tally before, Tally after, List<CellChange> into) {
        for (TableColumn c : TableColumn.IN_TABLE) {
            if (c.of(before) != c.of(after)) {
                into.add(new CellChange(field, c, c.of(before), c.of(after)));
            }
        }
    }
}
