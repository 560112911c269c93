package vn.motcua.report.report;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dossiers behind one cell of a revision's table, exactly as that revision counted them (its
 * {@code report_dossier} rows), with their dates as the dossier table holds them now.
 */
@Repository
public class CellDossiers {

    /**
     * One dossier of a cell. {@code apologyCounted}: the revision counted an apology letter dated by the
     * period's end. {@code changedSince}: the dossier was re-imported after the revision was made, so
     * the dates shown may not be the ones the revision saw.
     */
    public record CellDossier(String code, String field, String channel, LocalDate received, LocalDate due,
                              LocalDate finished, String outcome, LocalDate pausedFrom, LocalDate pausedUntil,
                              LocalDate apologyOn, String intake, String result, boolean apologyCounted,
                              boolean changedSince) {
    }

    private final JdbcTemplate jdbc;

    public CellDossiers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code field} is a catalogue code, or null for the total row. */
    public List<CellDossier> of(Revision revision, String field, TableColumn column) {
        return of(revision, field, null, column);
    }

    /**
     * As {@link #of(Revision, String, TableColumn)}, only the dossiers of one row of the revision's per-unit
     * table ({@code unitRow}, its number; null for every unit).
     */
    public List<CellDossier> of(Revision revision, String field, Integer unitRow, TableColumn column) {
        String sql = """
                SELECT d.code, rd.field_code, d.channel, d.received_on, d.due_on, d.finished_on, d.outcome,
                       d.paused_from, d.paused_until, d.apology_on, rd.intake, rd.result, rd.apology,
                       d.updated_at > coalesce(rv.completed_at, rv.created_at)
                  FROM report_dossier rd
                  JOIN dossier d ON d.id = rd.dossier_id
                  JOIN report_revision rv ON rv.id = rd.revision_id
                 WHERE rd.revision_id = ? AND (?::text IS NULL OR rd.field_code = ?)
                   AND (?::int IS NULL OR EXISTS (SELECT 1 FROM report_unit_name n WHERE n.revision_id = rd.revision_id
                                                      AND n.name = coalesce(d.unit, '') AND n.unit_order = ?))
                   AND (%s)
                 ORDER BY d.received_on, d.code""".formatted(column.where());
        return jdbc.query(sql, (rs, n) -> new CellDossier(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12), rs.getBoolean(13),
                rs.getBoolean(14)), revision.id(), field, field, unitRow, unitRow);
    }

    public boolean fieldExists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM field WHERE code = ?)",
                Boolean.class, code));
    }
}
