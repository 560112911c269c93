package vn.motcua.report.revision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.period.PeriodKind;
import vn.motcua.report.period.PeriodName;

/** Revisions of period reports ({@code report_revision}) and their rows ({@code report_row}). */
@Repository
public class RevisionRepository {

    /** An earlier revision as a correction cites it: its number and date as signed off (null when not signed). */
    public record Cited(int revision, String documentNumber, LocalDate documentDate) {
    }

    /** A period's latest completed revision's late and resolved totals, for the trend of late rates. */
    public record Lateness(PeriodName period, long late, long resolved) {
    }

    private static final String REVISION_COLUMNS =
            "id, period, period_kind, first_month, last_month, cutoff, start_on, end_on, revision, status, reason,"
                    + " job_execution_id, centre";

    private final JdbcTemplate jdbc;

    public RevisionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the revision RUNNING, or marks an existing one that did not complete RUNNING again (a restarted
     * execution continues the same revision). {@code jobExecutionId} null reserves it before its job starts,
     * so a process killed before its job instance exists leaves a trace; the job's execution then makes it its
     * own. The revision's status changes only through the report job's revision lifecycle.
     */
    public Revision reserve(Period period, int revision, String reason, Long jobExecutionId) {
        return reserve(period, ReportKey.SINGLE, revision, reason, jobExecutionId);
    }

    /** As {@link #reserve(Period, int, String, Long)}, a revision of the centre's report ({@link ReportKey#centre}). */
    public Revision reserve(Period period, String centre, int revision, String reason, Long jobExecutionId) {
        jdbc.update("""
                INSERT INTO report_revision (period, period_kind, first_month, last_month, revision, cutoff, start_on,
                                             end_on, reason, job_execution_id, status, centre)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (period, centre, revision) DO UPDATE
                    SET job_execution_id = coalesce(EXCLUDED.job_execution_id, report_revision.job_execution_id),
                        status = EXCLUDED.status
                  WHERE report_revision.status <> ?""",
                period.name(), period.kind().name(), period.firstMonth().atDay(1), period.lastMonth().atDay(1), revision,
                period.cutoff().toString(), period.start(), period.end(), reason, jobExecutionId,
                RevisionStatus.RUNNING.name(), centre, RevisionStatus.COMPLETED.name());
        return find(new ReportKey(period.named(), centre), revision).orElseThrow();
    }

    /**
     * A zero row per catalogue field (its name and place as the catalogue says now, kept with the revision);
     * rows that exist already (a restart) are kept.
     */
    public void openRows(Revision r) {
        jdbc.update("""
                INSERT INTO report_row (revision_id, field_code, field_name, field_order)
                SELECT ?, code, name, sort_order FROM field WHERE NOT retired ON CONFLICT DO NOTHING""", r.id());
    }

    public Optional<Revision> find(PeriodName period, int revision) {
        return find(ReportKey.of(period), revision);
    }

    public Optional<Revision> find(ReportKey report, int revision) {
        return jdbc.query("SELECT " + REVISION_COLUMNS
                        + " FROM report_revision WHERE period = ? AND centre = ? AND revision = ?",
                RevisionRepository::revision, report.period().name(), report.centre(), revision).stream().findFirst();
    }

    /**
     * The revision a report job execution works on; its openRevision step created it, so a missing row
     * is a fault of the job, not of the user's input.
     */
    public Revision of(PeriodName period, int revision) {
        return of(ReportKey.of(period), revision);
    }

    public Revision of(ReportKey report, int revision) {
        return find(report, revision).orElseThrow(() -> new IllegalStateException(
                "no revision " + revision + " of " + report
                        + " in report_revision, though the job's openRevision step creates it"));
    }

    public Optional<Revision> latest(PeriodName period) {
        return latest(ReportKey.of(period));
    }

    public Optional<Revision> latest(ReportKey report) {
        return jdbc.query("SELECT " + REVISION_COLUMNS
                        + " FROM report_revision WHERE period = ? AND centre = ? ORDER BY revision DESC LIMIT 1",
                RevisionRepository::revision, report.period().name(), report.centre()).stream().findFirst();
    }

    public Optional<Revision> latestCompleted(PeriodName period) {
        return latestCompleted(ReportKey.of(period));
    }

    public Optional<Revision> latestCompleted(ReportKey report) {
        return jdbc.query("SELECT " + REVISION_COLUMNS
                        + " FROM report_revision WHERE period = ? AND centre = ? AND status = ?"
                        + " ORDER BY revision DESC LIMIT 1", RevisionRepository::revision, report.period().name(),
                report.centre(), RevisionStatus.COMPLETED.name()).stream().findFirst();
    }

    /**
     * Records the data version the revision's reads start from (the last import committed now), once: its first
     * read comes after, and so do a restart's. Call it outside a transaction: the lock it takes for that (see
     * sql/V94__data_versions.sql) lasts to the transaction's end, and holds up imports' commits meanwhile.
     */
    public void recordDataRead(long revisionId) {
        jdbc.update("UPDATE report_revision SET data_version = current_data_version() WHERE id = ? AND data_version IS NULL",
                revisionId);
    }

    /** Sets the revision's status; {@code completed_at} is the time it became COMPLETED, else null. */
    public void setStatus(long revisionId, RevisionStatus status) {
        jdbc.update("UPDATE report_revision SET status = ?, completed_at = CASE WHEN ? THEN now() END WHERE id = ?",
                status.name(), status == RevisionStatus.COMPLETED, revisionId);
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

    /** The day (in Vietnam) the revision was made. */
    public LocalDate madeOn(Revision revision) {
        return jdbc.queryForObject(
                "SELECT (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM report_revision WHERE id = ?",
                LocalDate.class, revision.id());
    }

    /**
     * The latest revision of the same period before this one that was signed off (issued), which a correction
     * replaces; empty when none was (a draft replaces nothing).
     */
    public Optional<Cited> correctedBy(Revision revision) {
        return jdbc.query("""
                SELECT revision, document_number, document_date FROM report_revision
                 WHERE period = ? AND centre = ? AND revision < ? AND status = ? AND signed_at IS NOT NULL
                 ORDER BY revision DESC LIMIT 1""", (rs, n) -> new Cited(rs.getInt(1), rs.getString(2),
                rs.getObject(3, LocalDate.class)), revision.period().name(), revision.centre(), revision.revision(),
                RevisionStatus.COMPLETED.name()).stream().findFirst();
    }

    /** Each period of this kind ending before {@code end}, from its latest completed revision, latest period first. */
    public List<Lateness> latenessBefore(PeriodKind kind, LocalDate end) {
        return latenessBefore(kind, end, ReportKey.SINGLE);
    }

    /** As {@link #latenessBefore(PeriodKind, LocalDate)}, of one centre's reports. */
    public List<Lateness> latenessBefore(PeriodKind kind, LocalDate end, String centre) {
        return jdbc.query("""
                SELECT r.period, r.period_kind, r.first_month, r.last_month, sum(w.late), sum(w.resolved)
                  FROM report_revision r JOIN report_row w ON w.revision_id = r.id
                 WHERE r.id IN (SELECT DISTINCT ON (period) id FROM report_revision
                                 WHERE status = ? AND period_kind = ? AND end_on < ? AND centre = ?
                                 ORDER BY period, revision DESC)
                 GROUP BY r.period, r.period_kind, r.first_month, r.last_month, r.end_on
                 ORDER BY r.end_on DESC""", (rs, n) -> new Lateness(periodName(rs, 1), rs.getLong(5), rs.getLong(6)),
                RevisionStatus.COMPLETED.name(), kind.name(), end, centre);
    }

    /** Reads the {@link Counter} columns starting at {@code first}, in declaration order. */
    public static Tally tally(ResultSet rs, int first) throws SQLException {
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
        Period period = new Period(periodName(rs, 2), CutoffDay.parse(rs.getString(6)), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class));
        long exec = rs.getLong(12);
        Long execution = rs.wasNull() ? null : exec;
        return new Revision(rs.getLong(1), period, rs.getInt(9), RevisionStatus.valueOf(rs.getString(10)),
                rs.getString(11), execution, rs.getString(13));
    }

    /** The period as stored: its name, kind, first and last months in the four columns from {@code first}. */
    private static PeriodName periodName(ResultSet rs, int first) throws SQLException {
        return new PeriodName(rs.getString(first), PeriodKind.valueOf(rs.getString(first + 1)),
                YearMonth.from(rs.getObject(first + 2, LocalDate.class)),
                YearMonth.from(rs.getObject(first + 3, LocalDate.class)));
    }
}
