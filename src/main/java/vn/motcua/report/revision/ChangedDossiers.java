package vn.motcua.report.revision;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.motcua.report.importing.ChangesSince;

/**
 * Which dossiers changed after a period's report revision read the data: those in the period's scope (or counted by
 * that revision) last changed by an import of a later data version than the one the revision read
 * ({@code import_batch.data_version} against {@code report_revision.data_version}, both in the order imports
 * committed: see {@code sql/V94__data_versions.sql}). A changed dossier means the revision no longer shows the data
 * as it is; a corrected revision would.
 */
@Repository
public class ChangedDossiers implements ChangesSince {

    private final JdbcTemplate jdbc;
    private final CentreSpellings spellings;

    /** Without centres: every report is report.yaml's single centre's, over every dossier. */
    public ChangedDossiers(JdbcTemplate jdbc) {
        this(jdbc, code -> List.of());
    }

    @Autowired
    public ChangedDossiers(JdbcTemplate jdbc, CentreSpellings spellings) {
        this.jdbc = jdbc;
        this.spellings = spellings;
    }

    /**
     * Revisions with what the scope test needs: {@code read}, the data version the revision read (null before its
     * classify step started: nothing is changed since then), and {@code last_counted}, the highest dossier id it counted.
     */
    private static final String REVISIONS = """
            SELECT r.id, r.period, r.centre, r.revision, r.start_on, r.end_on, r.data_version AS read,
                   (SELECT b.dossier_ids[cardinality(b.dossier_ids)] FROM report_dossier_block b
                     WHERE b.revision_id = r.id ORDER BY b.first_dossier_id DESC LIMIT 1) AS last_counted
              FROM report_revision r""";

    /**
     * The dossiers the imports after the revision's data version last changed: the imports are few, and each one's
     * dossiers are found by the index on {@code dossier.import_id}.
     */
    private static final String CHANGED = " JOIN import_batch i ON i.data_version > r.read JOIN dossier d ON d.import_id = i.id";

    /**
     * In the revision's scope: the dossiers its period covers now, and those it counted then. A dossier is
     * looked up in the one block that can hold it: blocks hold ascending ids of disjoint ranges (one chunk
     * each), so it is the block with the greatest first id not above the dossier's; a dossier created after
     * the revision (an id above any it counted) is skipped at once. A province's month stays an index probe
     * per changed dossier, not a scan of the revision's cells.
     */
    private static final String IN_SCOPE = """
            ((d.received_on <= r.end_on AND (d.finished_on IS NULL OR d.finished_on >= r.start_on)
              AND (r.centre = '' OR EXISTS (SELECT 1 FROM s WHERE s.code = r.centre
                                             AND (s.spelling IS NULL OR s.spelling = d.centre))))
              OR (d.id <= r.last_counted AND EXISTS (
                    SELECT 1 FROM (SELECT b.dossier_ids FROM report_dossier_block b
                                    WHERE b.revision_id = r.id AND b.first_dossier_id <= d.id
                                    ORDER BY b.first_dossier_id DESC LIMIT 1) b
                     WHERE d.id = ANY (b.dossier_ids))))""";

    /**
     * The stored spellings of each centre, as a table {@code s(code, spelling)} the scope test reads (a null spelling:
     * every dossier, the consolidation's): its two arrays
     * are the first parameters of every statement here.
     */
    private static final String SPELLINGS = "s(code, spelling) AS (SELECT * FROM unnest(?::text[], ?::text[]))";

    /** The codes of the dossiers of {@code period} whose data changed after its revision {@code revision} read it, in code order. */
    public List<String> codes(String period, int revision) {
        return codes(period, ReportKey.SINGLE, revision);
    }

    /** As {@link #codes(String, int)}, of a centre's report ({@link ReportKey#SINGLE}: report.yaml's). */
    public List<String> codes(String period, String centre, int revision) {
        Object[] s = spellings(List.of(centre));
        return jdbc.queryForList("WITH " + SPELLINGS + ", r AS (" + REVISIONS
                        + " WHERE r.period = ? AND r.centre = ? AND r.revision = ?)"
                        + " SELECT d.code FROM r" + CHANGED + " WHERE " + IN_SCOPE + " ORDER BY d.code",
                String.class, s[0], s[1], period, centre, revision);
    }

    /** How many dossiers of {@code period} changed after its revision {@code revision} read them (0 before it read any). */
    public long count(String period, int revision) {
        return count(period, ReportKey.SINGLE, revision);
    }

    /** As {@link #count(String, int)}, of a centre's report ({@link ReportKey#SINGLE}: report.yaml's). */
    public long count(String period, String centre, int revision) {
        Object[] s = spellings(List.of(centre));
        return jdbc.queryForObject("WITH " + SPELLINGS + ", r AS (" + REVISIONS
                        + " WHERE r.period = ? AND r.centre = ? AND r.revision = ?)"
                        + " SELECT count(*) FROM r" + CHANGED + " WHERE " + IN_SCOPE,
                Long.class, s[0], s[1], period, centre, revision);
    }

    /** Of a revision's report. */
    public long count(Revision revision) {
        return count(revision.period().name(), revision.centre(), revision.revision());
    }

    /** The two arrays of {@link #SPELLINGS} for these centres' codes ('' needs none; the consolidation's spelling is null: any). */
    private Object[] spellings(List<String> centres) {
        List<String> codes = new ArrayList<>();
        List<String> spelt = new ArrayList<>();
        centres.stream().filter(c -> !c.isEmpty() && spellings.everyDossier(c)).forEach(c -> {
            codes.add(c);
            spelt.add(null);
        });
        List<String> listed = centres.stream().filter(c -> !spellings.everyDossier(c)).toList();
        spellings.of(listed).forEach((centre, spellingsOfCentre) -> {
            for (String spelling : spellingsOfCentre) {
                codes.add(centre);
                spelt.add(spelling);
            }
        });
        return new Object[] {codes.toArray(String[]::new), spelt.toArray(String[]::new)};
    }

    /**
     * The periods whose latest completed revision no longer matches the data because of import {@code importId}
     * (it added or changed a dossier in their scope after the revision read the data), each with every dossier
     * changed since.
     */
    @Override
    public List<PeriodChange> touchedBy(long importId) {
        Object[] s = spellings(jdbc.queryForList("SELECT DISTINCT centre FROM report_revision WHERE centre <> ''",
                String.class));
        return jdbc.query("""
                WITH %4$s,
                r AS (SELECT DISTINCT ON (period, centre) * FROM (%1$s WHERE r.completed_at IS NOT NULL) produced
                       ORDER BY period, centre, revision DESC)
                SELECT r.period, r.centre, r.revision, count(*)
                  FROM r %2$s
                 WHERE %3$s
                 GROUP BY r.period, r.centre, r.revision
                HAVING count(*) FILTER (WHERE d.import_id = ?) > 0
                 ORDER BY r.period, r.centre""".formatted(REVISIONS, CHANGED, IN_SCOPE, SPELLINGS),
                (rs, n) -> new PeriodChange(rs.getString(2).isEmpty() ? rs.getString(1)
                        : rs.getString(1) + " --centre " + rs.getString(2), rs.getInt(3), rs.getLong(4)),
                s[0], s[1], importId);
    }
}
