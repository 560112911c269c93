package vn.motcua.report.importing.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.report.importing.check.Reject;
import vn.motcua.report.importing.check.Reject.Rule;

/** Records of imports ({@code import_batch}) and their refused rows. */
@Repository
public class ImportRepository {

    /** Refusals kept in the summary; the rejects file has them all. */
    static final int SUMMARY_REJECTS = 50;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportRepository.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public ImportRepository(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        // A file can have a refusal on every one of a million lines: read them a slice at a time (PostgreSQL
        // streams a result only inside a transaction, with a fetch size).
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(5000);
        this.readOnly = new TransactionTemplate(tx);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Records an import that begins, and holds its lock until it ends ({@link Running#close}). The row and the lock
     * come in one transaction, so no other command ever sees the row STARTED without a live holder.
     */
    public Running begin(String kind, String fileName, String sha256, String sheet, boolean acceptPartial)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO import_batch (kind, file_name, sha256, sheet, accept_partial) VALUES (?, ?, ?, ?, ?)
                    RETURNING id""")) {
                insert.setString(1, kind);
                insert.setString(2, fileName);
                insert.setString(3, sha256);
                insert.setString(4, sheet);
                insert.setBoolean(5, acceptPartial);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            lock(connection, "SELECT pg_advisory_lock(" + lockKey("?") + ")", id);
            connection.commit();
            connection.setAutoCommit(true);
            return new Running(id, connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Marks INTERRUPTED every import left STARTED by a process that is gone (killed, out of memory): its lock is free,
     * which it never is while its process lives. Its rows went with its transaction; its refused codes go now.
     *
     * @return the imports marked
     */
    public List<Long> markInterrupted() {
        List<Long> marked = jdbc.queryForList("""
                WITH started AS MATERIALIZED (SELECT id FROM import_batch WHERE status = 'STARTED'),
                     dead AS MATERIALIZED (SELECT id FROM started WHERE pg_try_advisory_xact_lock(%s))
                UPDATE import_batch b SET status = 'INTERRUPTED' FROM dead WHERE b.id = dead.id AND b.status = 'STARTED'
                RETURNING b.id""".formatted(lockKey("id")), Long.class);
        if (!marked.isEmpty()) {
            jdbc.update("DELETE FROM import_refused_code WHERE import_id = ANY (?)", (Object) marked.toArray(Long[]::new));
        }
        return marked;
    }

    /** An import's advisory lock: its key, from its id (the period locks of report/PeriodLock use other words). */
    private static String lockKey(String id) {
        return "hashtextextended('motcua-report import ' || " + id + ", 0)";
    }

    private static void lock(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, id);
            s.execute();
        }
    }

    /**
     * An import under way: its id, and the connection holding its lock. PostgreSQL drops the lock when the process's
     * session ends, as a dead process's does at once; closing marks the import INTERRUPTED if it is still STARTED (it
     * failed in an unexpected way), then releases the lock.
     */
    public static final class Running implements AutoCloseable {
        private final long id;
        private final Connection connection;

        private Running(long id, Connection connection) {
            this.id = id;
            this.connection = connection;
        }

        public long id() {
            return id;
        }

        @Override
        public void close() {
            try {
                try (PreparedStatement s = connection.prepareStatement(
                        "UPDATE import_batch SET status = 'INTERRUPTED' WHERE id = ? AND status = 'STARTED'")) {
                    s.setLong(1, id);
                    s.executeUpdate();
                }
                lock(connection, "SELECT pg_advisory_unlock(" + lockKey("?") + ")", id);
                connection.close();
            } catch (SQLException e) {
                // A pooled connection that may still hold the lock is dropped, so that the lock goes with its session.
                log.warn("could not end import {} cleanly", id, e);
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException ignored) {
                    // gone either way
                }
            }
        }
    }

    /** An import that could not even be read: it stored nothing (its staged rows went with its transaction). */
    public void markRefused(long importId) {
        jdbc.update("DELETE FROM import_refused_code WHERE import_id = ?", importId);
        jdbc.update("UPDATE import_batch SET status = ? WHERE id = ?", ImportStatus.REFUSED.name(), importId);
    }

    public ImportRecord record(long importId) {
        Map<Rule, Integer> byRule = new EnumMap<>(Rule.class);
        jdbc.query("SELECT rule, count(*) FROM import_reject WHERE import_id = ? GROUP BY rule",
                rs -> {
                    byRule.put(Rule.ofCode(rs.getString(1)), rs.getInt(2));
                }, importId);
        return jdbc.queryForObject("""
                SELECT id, kind, file_name, status, rows_read, added, changed, unchanged, refused, not_counted
                  FROM import_batch WHERE id = ?""", (rs, n) -> new ImportRecord(rs.getLong(1), rs.getString(2),
                rs.getString(3), ImportStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                rs.getInt(9), firstRejects(importId), byRule, rs.getInt(10)), importId);
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
    /** The receiving centres the dossiers this import stored or changed give (as stored), with how many give each. */
    public Map<String, Long> receivedCentres(long importId) {
        Map<String, Long> centres = new LinkedHashMap<>();
        jdbc.query("SELECT centre, count(*) FROM dossier WHERE import_id = ? AND centre IS NOT NULL GROUP BY centre"
                + " ORDER BY centre", rs -> {
                    centres.put(rs.getString(1), rs.getLong(2));
                }, importId);
        return centres;
    }

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
     * An import as {@code import_batch} records it: what was stored, or what was refused and why (the first refusals,
     * and how many by rule), and how many dossiers were stored but not counted.
     */
    public record ImportRecord(long id, String kind, String fileName, ImportStatus status, int rowsRead, int added,
                               int changed, int unchanged, int refusedRows, List<Reject> rejects,
                               Map<Rule, Integer> refusalsByRule, int notCountedRows) {
    }
}
