package vn.motcua.report.importing.store;

import org.springframework.jdbc.core.JdbcTemplate;

/** Transfers: the same transfer imported twice (or twice in one file) is kept once. */
final class TransferMerge implements Merge {

    @Override
    public String stagingTable() {
        return "import_transfer";
    }

    @Override
    public int[] store(JdbcTemplate jdbc, long importId) {
        Integer total = jdbc.queryForObject("SELECT count(DISTINCT (dossier_code, from_level, to_level, sent_on))"
                + " FROM import_transfer WHERE import_id = ?", Integer.class, importId);
        int added = jdbc.update("""
                INSERT INTO transfer (dossier_code, from_level, to_level, sent_on, import_id)
                SELECT DISTINCT dossier_code, from_level, to_level, sent_on, import_id
                  FROM import_transfer WHERE import_id = ?
                ON CONFLICT DO NOTHING""", importId);
        return new int[] {added, 0, total - added};
    }
}
