package vn.motcua.report.importing.store;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.report.importing.check.DossierCheck;

/** Dossiers: one row per dossier code; importing a code again updates that dossier. */
final class DossierMerge implements Merge {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DossierMerge.class);

    private static final List<String> COLUMNS = DossierCheck.VALUES;

    private static final String VALUES = String.join(", ", COLUMNS);

    private static final String STAGED = "s." + VALUES.replace(", ", ", s.");

    @Override
    public String stagingTable() {
        return "import_dossier";
    }

    @Override
    public String directTable() {
        return "dossier";
    }

    /**
     * A first import is the usual case, and the largest: all its codes are new, and the unique key of
     * {@code dossier.code} alone tells a code stored before or repeated in the file, without sorting a million codes
     * to look for repeats first.
     */
    @Override
    public int[] storeAllNew(JdbcTemplate jdbc, long importId) {
        jdbc.execute("SAVEPOINT all_new");
        try {
            int added = jdbc.update("INSERT INTO dossier (" + VALUES + ", import_id) SELECT " + STAGED + ", s.import_id"
                    + " FROM import_dossier s WHERE s.import_id = ?", importId);
            jdbc.execute("RELEASE SAVEPOINT all_new");
            return new int[] {added, 0, 0};
        } catch (DuplicateKeyException e) {
            jdbc.execute("ROLLBACK TO SAVEPOINT all_new; RELEASE SAVEPOINT all_new");
            return null;
        }
    }

    @Override
    public boolean hasRepeats(JdbcTemplate jdbc, long importId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT code FROM (SELECT code FROM import_dossier WHERE import_id = ?
                                                 UNION ALL
                                                 SELECT code FROM import_refused_code WHERE import_id = ?) u
                                GROUP BY code HAVING count(*) > 1)""", Boolean.class, importId, importId));
    }

    @Override
    public void refuseRepeats(JdbcTemplate jdbc, long importId, String heading) {
        jdbc.update("""
                INSERT INTO import_reject (import_id, line, col, value, reason, rule, reason_vi)
                SELECT import_id, line, ?, code, 'repeats the code of line ' || first_line, 'duplicate',
                       'trùng mã hồ sơ ở dòng ' || first_line
                  FROM (SELECT import_id, line, code, min(line) OVER (PARTITION BY code) AS first_line
                          FROM (SELECT import_id, line, code FROM import_dossier WHERE import_id = ?
                                UNION ALL
                                SELECT import_id, line, code FROM import_refused_code WHERE import_id = ?) u) s
                 WHERE line > first_line""", heading, importId, importId);
    }

    /**
     * New codes added with a plain INSERT (cheaper than INSERT … ON CONFLICT for each of a million rows), then changed
     * dossiers updated, the rest left as they were. Imports of one database do not overlap on a code: the catalogue's
     * imports run one at a time.
     */
    @Override
    public int[] store(JdbcTemplate jdbc, long importId) {
        int added = jdbc.update("INSERT INTO dossier (" + VALUES + ", import_id) SELECT " + STAGED + ", s.import_id"
                + " FROM import_dossier s WHERE s.import_id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM dossier d WHERE d.code = s.code)", importId);
        int total = jdbc.queryForObject("SELECT count(*) FROM import_dossier WHERE import_id = ?", Integer.class,
                importId);
        long t0 = System.nanoTime();
        int changed = 0;
        if (added < total) {
            StringBuilder set = new StringBuilder();
            for (String c : COLUMNS.subList(1, COLUMNS.size())) {
                set.append(c).append(" = s.").append(c).append(", ");
            }
            String current = "d." + VALUES.replace(", ", ", d.");
            changed = jdbc.update("UPDATE dossier d SET " + set + "import_id = s.import_id, updated_at = now()"
                    + " FROM import_dossier s WHERE s.import_id = ? AND s.code = d.code"
                    + " AND d.import_id IS DISTINCT FROM s.import_id"
                    + " AND (" + current + ") IS DISTINCT FROM (" + STAGED + ")", importId);
        }
        log.info("import {}: {} rows, {} added, {} changed ({} ms for the changed)", importId, total, added, changed,
                (System.nanoTime() - t0) / 1_000_000);
        return new int[] {added, changed, total - added - changed};
    }

    @Override
    public List<String> notCounted(JdbcTemplate jdbc, long importId, int limit) {
        return jdbc.query("SELECT line, code, not_counted FROM import_dossier WHERE import_id = ? AND not_counted IS NOT NULL"
                + " ORDER BY line LIMIT ?", (rs, n) -> rs.getString(2) + " (" + rs.getString(3) + ", " + rs.getLong(1) + ")",
                importId, limit);
    }

    @Override
    public int notCountedCount(JdbcTemplate jdbc, long importId) {
        return jdbc.queryForObject("SELECT count(*) FROM import_dossier WHERE import_id = ? AND not_counted IS NOT NULL",
                Integer.class, importId);
    }
}
