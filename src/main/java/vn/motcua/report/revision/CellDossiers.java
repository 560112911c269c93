package vn.motcua.report.revision;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.report.centre.Centres;
import vn.motcua.report.classify.Result;

/**
 * The dossiers behind the cells of a revision's table, exactly as that revision counted them (its
 * {@code report_dossier_block} rows, read through the view {@code report_dossier}), with their dates as
 * the dossier table holds them now.
 */
@Repository
public class CellDossiers {

    /**
     * One dossier of a cell. {@code apologyCounted}: the revision counted an apology letter dated by the
     * period's end. {@code changedSince}: an import committed after the revision read the data changed the
     * dossier ({@link ChangedDossiers}), so the dates shown may not be the ones the revision saw.
     */
    public record CellDossier(String code, String field, String channel, LocalDate received, LocalDate due,
                              LocalDate finished, String outcome, LocalDate pausedFrom, LocalDate pausedUntil,
                              LocalDate apologyOn, String intake, String result, boolean apologyCounted,
                              boolean changedSince) {
    }

    /**
     * Dossiers listed in the document and the workbook: the worst (most days late: at the finish, or at the
     * cutoff while pending) up to the limit ({@code LIMIT NULL}: all), grouped by unit in the order of the
     * revision's table by unit, worst first within a unit, then in field order and by dates. Field names and
     * units are the revision's own (report_row, report_unit_row), whatever the catalogue says now.
     */
    private static final String LISTED = listed("", "", "");

    /**
     * As {@link #LISTED}, for a consolidation: grouped first by receiving centre in the order of the revision's table
     * by centre, each dossier's stored centre given its row by the two arrays (stored centre, '' for none; row); with
     * how many of the whole list (counted before the limit) the dossier's centre has of its unit.
     */
    private static final String LISTED_BY_CENTRE = listed(
            ", c.centre_row, count(*) OVER (PARTITION BY c.centre_row, n.unit_order) AS unit_in_centre",
            "LEFT JOIN unnest(?::text[], ?::int[]) AS c(spelling, centre_row) ON c.spelling = coalesce(d.centre, '')",
            "centre_row NULLS LAST, ");

    private static String listed(String centreColumn, String centreJoin, String centreOrder) {
        return """
            SELECT * FROM (
                SELECT d.code, w.field_name, d.received_on, d.due_on,
                       CASE WHEN rd.result = ? THEN d.finished_on END AS finished_on,
                       CASE WHEN rd.result = ? THEN d.finished_on - d.due_on ELSE rv.end_on - d.due_on END AS days_late,
                       CASE WHEN rd.apology THEN d.apology_on END AS apology_on, u.unit_name, u.unit_order, w.field_order%s
                  FROM report_dossier rd
                  JOIN report_revision rv ON rv.id = rd.revision_id
                  JOIN dossier d ON d.id = rd.dossier_id
                  JOIN report_row w ON w.revision_id = rd.revision_id AND w.field_code = rd.field_code
                  LEFT JOIN report_unit_name n ON n.revision_id = rd.revision_id AND n.name = coalesce(d.unit, '')
                  LEFT JOIN report_unit_row u ON u.revision_id = rd.revision_id AND u.unit_order = n.unit_order
                  %s
                 WHERE rd.revision_id = ? AND rd.result = ?
                 ORDER BY days_late DESC, w.field_order, d.due_on, d.received_on, d.code
                 LIMIT ?::bigint) worst
             ORDER BY %sunit_order, days_late DESC, field_order, due_on, received_on, code""".formatted(centreColumn,
                centreJoin, centreOrder);
    }

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public CellDossiers(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        // Inside a transaction (autocommit off) the PostgreSQL driver fetches a cursor in batches of this size.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(tx);
        this.readOnly.setReadOnly(true);
    }

    /** {@code field} is a catalogue code, or null for the total row. */
    public List<CellDossier> of(Revision revision, String field, TableColumn column) {
        return of(revision, field, null, column);
    }

    /**
     * As {@link #of(Revision, String, TableColumn)}, only the dossiers of one row of the revision's table by
     * unit ({@code unitRow}, its number; null for every unit).
     */
    public List<CellDossier> of(Revision revision, String field, Integer unitRow, TableColumn column) {
        String sql = """
                SELECT d.code, rd.field_code, d.channel, d.received_on, d.due_on, d.finished_on, d.outcome,
                       d.paused_from, d.paused_until, d.apology_on, rd.intake, rd.result, rd.apology,
                       coalesce((SELECT i.data_version FROM import_batch i WHERE i.id = d.import_id) > rv.data_version, false)
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

    /** How many dossiers the revision classified (its cells), whatever their cell. */
    public long count(Revision revision) {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(cardinality(dossier_ids)), 0) FROM report_dossier_block WHERE revision_id = ?",
                Long.class, revision.id());
    }

    /** The revision's overdue pending dossiers that had no apology letter by the period's end. */
    public long overdueWithoutApology(Revision revision) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM report_dossier WHERE revision_id = ? AND result = ? AND NOT apology",
                Long.class, revision.id(), Result.OVERDUE.name());
    }

    /**
     * Streams the revision's dossiers of one result ({@link Result#LATE} or {@link Result#OVERDUE}) in the
     * document's order, at most {@code limit} of them (null: all), inside a (joined or read-only) transaction
     * so that the cursor streams.
     */
    public void listed(Revision revision, Result result, Long limit, Consumer<ListedDossier> action) {
        readOnly.executeWithoutResult(status -> streaming.query(LISTED, rs -> {
            Date finished = rs.getDate(5);
            Date apology = rs.getDate(7);
            action.accept(new ListedDossier(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                    rs.getDate(4).toLocalDate(), finished == null ? null : finished.toLocalDate(), rs.getLong(6),
                    apology == null ? null : apology.toLocalDate(), rs.getString(8)));
        }, Result.LATE.name(), Result.LATE.name(), revision.id(), result.name(), limit));
    }

    /**
     * As {@link #listed}, for a consolidation: grouped by receiving centre in the order of its table by centre
     * ({@code byCentre}, the revision's stored rows), each dossier's stored centre read as {@code centres} reads it
     * (a listed centre by its code, name or alias; an unlisted one by its name; none: the undetermined row), of
     * every stored centre {@code stored} gives.
     */
    public void listedByCentre(Revision revision, Result result, Long limit, Centres centres, CentreTable byCentre,
                               List<String> stored, Consumer<ListedDossier> action) {
        readOnly.executeWithoutResult(status -> {
            List<String> spellings = new ArrayList<>(stored);
            spellings.add("");
            List<String> mapped = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (String spelling : spellings) {
                int row = rowOf(spelling, centres, byCentre);
                if (row > 0) {
                    mapped.add(spelling);
                    rows.add(row);
                }
            }
            streaming.query(LISTED_BY_CENTRE, rs -> {
                Date finished = rs.getDate(5);
                Date apology = rs.getDate(7);
                Integer row = rs.getObject(11, Integer.class);
                action.accept(new ListedDossier(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate(), finished == null ? null : finished.toLocalDate(), rs.getLong(6),
                        apology == null ? null : apology.toLocalDate(), rs.getString(8), row,
                        rs.getLong(12)));
            }, Result.LATE.name(), Result.LATE.name(), mapped.toArray(String[]::new), rows.toArray(Integer[]::new),
                    revision.id(), result.name(), limit);
        });
    }

    /** The number (from 1) of the row of the table by centre that counts a dossier stored with this centre; 0: none. */
    static int rowOf(String stored, Centres centres, CentreTable byCentre) {
        List<CentreRow> rows = byCentre.rows();
        for (int i = 0; i < rows.size(); i++) {
            CentreRow r = rows.get(i);
            boolean counts = switch (r.level()) {
                case UNDETERMINED -> stored.isBlank();
                case UNLISTED -> !stored.isBlank() && centres.match(stored).isEmpty()
                        && Centres.normalise(stored).equals(Centres.normalise(r.name()));
                default -> centres.match(stored).map(c -> c.code().equals(r.code())).orElse(false);
            };
            if (counts) {
                return i + 1;
            }
        }
        return 0;
    }
}
