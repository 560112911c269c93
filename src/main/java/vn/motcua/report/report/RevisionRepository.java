package vn.motcua.report.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.period.Period;

/** Revisions of period reports and their rows. */
@Repository
public class RevisionRepository {

    private static final String REVISION_COLUMNS =
            "id, period, revision, cutoff, start_on, end_on, status, reason, job_execution_id";

    private final JdbcTemplate jdbc;

    public RevisionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the revision with a zero row per catalogue field (its name and place as the catalogue says now,
     * kept with the revision), or returns it when it exists already (a restarted execution continues the
     * same revision).
     */
    public Revision open(Period period, int revision, String reason, long jobExecutionId) {
        jdbc.update("""
                INSERT INTO report_revision (period, revision, cutoff, start_on, end_on, reason, job_execution_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (period, revision) DO UPDATE SET job_execution_id = EXCLUDED.job_execution_id,
                                                             status = 'RUNNING'""",
                period.name(), revision, period.cutoff().toString(), period.start(), period.end(), reason,
                jobExecutionId);
        Revision r = find(period.name(), revision).orElseThrow();
        jdbc.update("""
                INSERT INTO report_row (revision_id, field_code, field_name, field_order)
                SELECT ?, code, name, sort_order FROM field WHERE NOT retired ON CONFLICT DO NOTHING""", r.id());
        return r;
    }

    public Optional<Revision> find(String period, int revision) {
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM report_revision WHERE period = ? AND revision = ?",
                RevisionRepository::revision, period, revision).stream().findFirst();
    }

    /**
     * The revision a report job execution works on; its openRevision step created it, so a missing row
     * is a fault of the job, not of the user's input.
     */
    public Revision of(ReportParameters params) {
        return find(params.period().name(), params.revision()).orElseThrow(() -> new IllegalStateException(
                "no revision " + params.revision() + " of " + params.period().name()
                        + " in report_revision, though the job's openRevision step creates it"));
    }

    public Optional<Revision> latest(String period) {
        return jdbc.query("SELECT " + REVISION_COLUMNS
                        + " FROM report_revision WHERE period = ? ORDER BY revision DESC LIMIT 1",
                RevisionRepository::revision, period).stream().findFirst();
    }

    public Optional<Revision> latestCompleted(String period) {
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM report_revision WHERE period = ? AND status = 'COMPLETED'"
                        + " ORDER BY revision DESC LIMIT 1",
                RevisionRepository::revision, period).stream().findFirst();
    }

    /** A restarted execution takes over its revision (openRevision, already done, is not run again). */
    public void markRunning(String period, int revision, long jobExecutionId) {
        jdbc.update("UPDATE report_revision SET status = 'RUNNING', job_execution_id = ?"
                + " WHERE period = ? AND revision = ? AND status <> 'COMPLETED'", jobExecutionId, period, revision);
    }

    public void setStatus(long revisionId, String status) {
        jdbc.update("UPDATE report_revision SET status = ?, completed_at = CASE WHEN ? = 'COMPLETED' THEN now() END"
                + " WHERE id = ?", status, status, revisionId);
    }

    /**
     * The revision's rows in the order of the catalogue it used, numbered 1, 2, … as printed, with the names
     * that catalogue gave: what the catalogue says later does not change them.
     */
    public ReportTable table(Revision revision) {
        List<ReportRow> rows = new ArrayList<>();
        jdbc.query("SELECT r.field_code, r.field_name, " + prefixed("r") + """
                 FROM report_row r
                WHERE r.revision_id = ? ORDER BY r.field_order, r.field_code""", rs -> {
            rows.add(new ReportRow(rows.size() + 1, rs.getString(1), rs.getString(2), tally(rs, 3)));
        }, revision.id());
        return new ReportTable(revision, rows);
    }

    /** Reads the {@link Counter} columns starting at {@code first}, in declaration order. */
    static Tally tally(ResultSet rs, int first) throws SQLException {
        long[] counts = new long[Counter.values().length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = rs.getLong(first + i);
        }
        return Tally.of(counts);
    }

    private static String prefixed(String alias) {
        return alias + "." + Counter.columns().replace(", ", ", " + alias + ".");
    }

    private static Revision revision(ResultSet rs, int row) throws SQLException {
        long exec = rs.getLong(9);
        return new Revision(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getObject(5, java.time.LocalDate.class), rs.getObject(6, java.time.LocalDate.class),
                rs.getString(7), rs.getString(8), rs.wasNull() ? null : exec);
    }
}
