package vn.motcua.report.dossier;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.report.dossier.Reject.Rule;

/** Records of imports ({@code import_batch}) and their refused rows. */
@Repository
public class ImportRepository {

    /** Refusals kept in the summary; the rejects file has them all. */
    static final int SUMMARY_REJECTS = 50;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public ImportRepository(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        // A file can have a refusal on every one of a million lines: read them a slice at a time (PostgreSQL
        // streams a result only inside a transaction, with a fetch size).
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(5000);
        this.readOnly = new TransactionTemplate(tx);
        this.readOnly.setReadOnly(true);
    }

    public long begin(String kind, String fileName, String sha256, String sheet, boolean acceptPartial) {
        return jdbc.queryForObject("""
                INSERT INTO import_batch (kind, file_name, sha256, sheet, accept_partial) VALUES (?, ?, ?, ?, ?)
                RETURNING id""", Long.class, kind, fileName, sha256, sheet, acceptPartial);
    }

    /** An import that could not even be read: it stored nothing (its staged rows went with its transaction). */
    public void markRefused(long importId) {
        jdbc.update("DELETE FROM import_refused_code WHERE import_id = ?", importId);
        jdbc.update("UPDATE import_batch SET status = ? WHERE id = ?", ImportStatus.REFUSED.name(), importId);
    }

    /** The refusals of a reading of the file that is dropped (it is read again). */
    void clearRejects(long importId) {
        jdbc.update("DELETE FROM import_reject WHERE import_id = ?", importId);
    }

    public ImportSummary summary(long importId) {
        Map<Rule, Integer> byRule = new EnumMap<>(Rule.class);
        jdbc.query("SELECT rule, count(*) FROM import_reject WHERE import_id = ? GROUP BY rule",
                rs -> {
                    byRule.put(Rule.ofCode(rs.getString(1)), rs.getInt(2));
                }, importId);
        return jdbc.queryForObject("""
                SELECT id, kind, file_name, status, rows_read, added, changed, unchanged, refused, not_counted
                  FROM import_batch WHERE id = ?""", (rs, n) -> new ImportSummary(rs.getLong(1), rs.getString(2),
                rs.getString(3), ImportStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                rs.getInt(9), firstRejects(importId), byRule, null, List.of(), List.of(), null, rs.getInt(10),
                List.of()), importId);
    }

    private List<Reject> firstRejects(long importId) {
        return jdbc.query("""
                SELECT line, col, value, rule, reason_vi, reason FROM import_reject WHERE import_id = ?
                 ORDER BY line, col LIMIT ?""", (rs, n) -> reject(rs), importId, SUMMARY_REJECTS);
    }

    /** Every refusal of an import, in line order, streamed. */
    public void eachReject(long importId, Consumer<Reject> each) {
        readOnly.executeWithoutResult(status -> streaming.query("""
                SELECT line, col, value, rule, reason_vi, reason FROM import_reject WHERE import_id = ?
                 ORDER BY line, col""", rs -> {
            each.accept(reject(rs));
        }, importId));
    }

    private static Reject reject(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Reject(rs.getLong(1), rs.getString(2), rs.getString(3), Rule.ofCode(rs.getString(4)), rs.getString(5),
                rs.getString(6));
    }

    /** The field catalogue: code → Vietnamese name, in catalogue order (retired fields left out). */
    public Map<String, String> fieldCatalogue() {
        Map<String, String> fields = new LinkedHashMap<>();
        jdbc.query("SELECT code, name FROM field WHERE NOT retired ORDER BY sort_order", rs -> {
            fields.put(rs.getString(1), rs.getString(2));
        });
        return fields;
    }

    /** The catalogue's procedures (by Mã TTHC or name, as comparison keys) → field code, for exports without a field. */
    public Map<String, String> procedureFields() {
        Map<String, String> procedures = new LinkedHashMap<>();
        jdbc.query("SELECT p.procedure_key, p.field_code FROM procedure_field p JOIN field f ON f.code = p.field_code"
                + " WHERE NOT f.retired", rs -> {
            procedures.put(rs.getString(1), rs.getString(2));
        });
        return procedures;
    }

    /** The catalogue's other spellings of field names (jobs/catalogue.yaml's aliases): alias → field code. */
    public Map<String, String> fieldAliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        jdbc.query("SELECT a.alias, a.field_code FROM field_alias a JOIN field f ON f.code = a.field_code WHERE NOT f.retired",
                rs -> {
                    aliases.put(rs.getString(1), rs.getString(2));
                });
        return aliases;
    }

    /**
     * The outcome of one import: what was stored, or what was refused and why (the first refusals, and how many
     * by rule), where the rejects file is, which reported periods' data this import changed, and the file's
     * columns that were not used (a misspelt optional heading shows up here), how the file was read (sheet,
     * heading rows, rows skipped), and the dossiers stored but not counted (how many, and the first ones).
     */
    public record ImportSummary(long id, String kind, String fileName, ImportStatus status, int rowsRead, int added,
                                int changed, int unchanged, int refusedRows, List<Reject> rejects,
                                Map<Rule, Integer> refusalsByRule, Path rejectsFile,
                                List<ChangesSince.PeriodChange> changedPeriods, List<String> ignoredHeadings,
                                ImportLayout layout, int notCountedRows, List<String> notCounted) {
        public boolean stored() {
            return status == ImportStatus.STORED;
        }

        public int refusals() {
            return refusalsByRule.values().stream().mapToInt(Integer::intValue).sum();
        }

        ImportSummary with(Path rejectsFile, List<ChangesSince.PeriodChange> changedPeriods, List<String> ignoredHeadings,
                           ImportLayout layout, List<String> notCounted) {
            return new ImportSummary(id, kind, fileName, status, rowsRead, added, changed, unchanged, refusedRows,
                    rejects, refusalsByRule, rejectsFile, changedPeriods, List.copyOf(ignoredHeadings), layout,
                    notCountedRows, List.copyOf(notCounted));
        }
    }
}
