package vn.motcua.report.dossier;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Records of imports ({@code import_batch}) and their refused rows. */
@Repository
public class ImportRepository {

    private final JdbcTemplate jdbc;

    public ImportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long begin(String kind, String fileName, String sha256) {
        return jdbc.queryForObject("INSERT INTO import_batch (kind, file_name, sha256) VALUES (?, ?, ?) RETURNING id",
                Long.class, kind, fileName, sha256);
    }

    /** An import that could not even be read: it stored nothing, and its staged rows go. */
    public void markRefused(long importId) {
        jdbc.update("DELETE FROM import_dossier WHERE import_id = ?", importId);
        jdbc.update("DELETE FROM import_transfer WHERE import_id = ?", importId);
        jdbc.update("UPDATE import_batch SET status = 'REFUSED' WHERE id = ?", importId);
    }

    public ImportSummary summary(long importId) {
        return jdbc.queryForObject("""
                SELECT id, kind, file_name, status, rows_read, added, changed, unchanged, refused
                  FROM import_batch WHERE id = ?""", (rs, n) -> new ImportSummary(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                rs.getInt(9), rejects(importId)), importId);
    }

    public List<Reject> rejects(long importId) {
        return jdbc.query("SELECT line, col, value, reason FROM import_reject WHERE import_id = ? ORDER BY line, col",
                (rs, n) -> new Reject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), importId);
    }

    public Set<String> fieldCodes() {
        return new HashSet<>(jdbc.queryForList("SELECT code FROM field", String.class));
    }

    /** The outcome of one import: what was stored, or what was refused and why. */
    public record ImportSummary(long id, String kind, String fileName, String status, int rowsRead, int added,
                                int changed, int unchanged, int refusedRows, List<Reject> rejects) {
        public boolean stored() {
            return "STORED".equals(status);
        }
    }
}
