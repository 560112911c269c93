package vn.motcua.report.dossier;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which dossiers changed after a period's report revision was produced: those in the period's scope (or counted by
 * that revision) whose {@code dossier.updated_at} is later than the revision's time. A changed dossier means the
 * revision no longer shows the data as it is; a corrected revision would.
 */
@Repository
public class ChangesSince {

    /**
     * The {@code report_revision} column a change is compared with: when the revision was produced. Once revisions
     * are signed, {@code signed_at} is the one that matters to the director; switching is this one line.
     */
    public static final String REVISION_TIME = "completed_at";

    /** One period whose latest revision no longer matches the data. */
    public record PeriodChange(String period, int revision, long dossiers) {
    }

    private final JdbcTemplate jdbc;
    private final String revisionTime;

    @Autowired
    public ChangesSince(JdbcTemplate jdbc) {
        this(jdbc, REVISION_TIME);
    }

    /** @param revisionTime the report_revision column to compare with ({@code completed_at} or {@code signed_at}) */
    public ChangesSince(JdbcTemplate jdbc, String revisionTime) {
        if (!revisionTime.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a column name: " + revisionTime);
        }
        this.jdbc = jdbc;
        this.revisionTime = revisionTime;
    }

    /** In the revision's scope: the dossiers its period covers now, and those it counted then. */
    private static final String IN_SCOPE = """
            ((d.received_on <= r.end_on AND (d.finished_on IS NULL OR d.finished_on >= r.start_on))
              OR EXISTS (SELECT 1 FROM report_dossier rd WHERE rd.revision_id = r.id AND rd.dossier_id = d.id))""";

    /** The codes of the dossiers of {@code period} whose data changed after its revision {@code revision}, in code order. */
    public List<String> codes(String period, int revision) {
        return jdbc.queryForList("SELECT d.code FROM report_revision r JOIN dossier d ON d.updated_at > r." + revisionTime
                + " WHERE r.period = ? AND r.revision = ? AND " + IN_SCOPE + " ORDER BY d.code", String.class, period,
                revision);
    }

    /** How many dossiers of {@code period} changed after its revision {@code revision} (0 when not produced yet). */
    public long count(String period, int revision) {
        return jdbc.queryForObject("SELECT count(*) FROM report_revision r JOIN dossier d ON d.updated_at > r."
                + revisionTime + " WHERE r.period = ? AND r.revision = ? AND " + IN_SCOPE, Long.class, period, revision);
    }

    /**
     * The periods whose latest produced revision no longer matches the data because of import {@code importId}
     * (it added or changed a dossier in their scope after the revision), each with every dossier changed since.
     */
    public List<PeriodChange> touchedBy(long importId) {
        return jdbc.query("""
                WITH latest AS (SELECT DISTINCT ON (period) id, period, revision, start_on, end_on, %1$s AS at
                                  FROM report_revision WHERE %1$s IS NOT NULL ORDER BY period, revision DESC)
                SELECT r.period, r.revision, count(*)
                  FROM latest r JOIN dossier d ON d.updated_at > r.at
                 WHERE %2$s
                 GROUP BY r.period, r.revision
                HAVING count(*) FILTER (WHERE d.import_id = ?) > 0
                 ORDER BY r.period""".formatted(revisionTime, IN_SCOPE),
                (rs, n) -> new PeriodChange(rs.getString(1), rs.getInt(2), rs.getLong(3)), importId);
    }
}
