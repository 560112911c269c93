package vn.motcua.report.importing.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.motcua.report.importing.check.CheckedRow;
import vn.motcua.report.importing.check.Reject;

/**
 * An import's rows on their way into the database, all in one transaction on a connection of its own, so that
 * nothing is seen by anyone before {@link #store} commits, and a refused, re-read or failed import leaves nothing
 * behind ({@link #close} rolls back what was not committed).
 * <p>
 * The rows that pass go into the import's staging table through one COPY that streams while the file is read:
 * PostgreSQL takes each batch in while the next one is read and checked (two processes, two cores). The refused
 * rows' reasons go to {@code import_reject} (and their codes to {@code import_refused_code}, so a code repeated on a
 * refused line is still found), between two COPYs: a batch with a refusal ends the COPY under way. Then
 * {@link #store} merges the staged rows into the final table in one statement or two, or stores nothing.
 * <p>
 * A reading may instead go straight into the final table ({@link #begin(boolean)}), the staging step left out, as
 * long as nothing stands in the way: no row refused, no value stored before or repeated (which the final table's
 * unique key tells). That is how a first import, the largest, is stored while it is read. At the first row that
 * stands in the way, the reading {@link #gaveUp()}: it is rolled back, and the file is to be read again through
 * the staging table.
 */
public final class Staging implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Staging.class);

    /** The dossiers stored but not counted that the summary names; it counts them all. */
    static final int NOT_COUNTED_SHOWN = 20;

    /** PostgreSQL's SQLSTATE for a unique key's violation: a code stored before or repeated in the file. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Merge merge;
    private final long importId;
    private final int batchRows;
    private final String copyRows;
    private final String copyDirect;
    private final int notCountedAt;
    private boolean direct;
    private boolean gaveUp;
    /** Whether a reading met a value stored before or repeated: a second reading would meet it again. */
    private boolean uniqueValueMet;
    private final List<String> directNotCounted = new ArrayList<>();
    private int directNotCountedCount;
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private final List<Object[]> rejects = new ArrayList<>();
    private final List<Object[]> refusedCodes = new ArrayList<>();
    private int rowsInBatch;
    private long staged;
    private Connection connection;
    private JdbcTemplate jdbc;
    private CopyManager copyManager;
    private CopyIn copy;

    /**
     * @param kind         "dossiers" or "transfers"
     * @param valueColumns the names of a checked row's values, in order
     * @param batchRows    rows checked between two writes to PostgreSQL
     */
    public Staging(DataSource dataSource, String kind, List<String> valueColumns, long importId, int batchRows) {
        this.dataSource = dataSource;
        this.merge = Merge.of(kind);
        this.importId = importId;
        this.batchRows = Math.max(1, batchRows);
        this.copyRows = "COPY " + merge.stagingTable() + " (import_id, line, " + String.join(", ", valueColumns)
                + ") FROM STDIN";
        this.copyDirect = merge.directTable() == null ? null : "COPY " + merge.directTable() + " (import_id, "
                + String.join(", ", valueColumns) + ") FROM STDIN";
        this.notCountedAt = valueColumns.indexOf("not_counted");
    }

    /**
     * Whether this kind of import can go straight into its final table ({@link #begin(boolean)}), and no reading of
     * this file met a value stored before or repeated yet.
     */
    public boolean canGoDirect() {
        return copyDirect != null && !uniqueValueMet;
    }

    /**
     * Whether the reading under way went straight into the final table and met a row that stands in the way (a
     * refused row, a value stored before or repeated): nothing it did stays, and {@link #add} ignores the rest.
     */
    public boolean gaveUp() {
        return gaveUp;
    }

    /** Begins the transaction and its empty staging table; again after {@link #close}, for a second reading. */
    public void begin() {
        begin(false);
    }

    /**
     * As {@link #begin()}; with {@code direct}, the rows go straight into the final table while nothing stands in the
     * way ({@link #gaveUp}).
     */
    public void begin(boolean direct) {
        close();
        this.direct = direct && canGoDirect();
        gaveUp = false;
        directNotCounted.clear();
        directNotCountedCount = 0;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("could not open the import's connection", e);
        }
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        // Named before it exists, the staging table is still the permanent one: the temporary one takes its shape.
        jdbc.execute("CREATE TEMPORARY TABLE " + merge.stagingTable() + " (LIKE " + merge.stagingTable()
                + ") ON COMMIT DROP");
        staged = 0;
    }

    /** One checked row: staged when it passed, its reasons recorded when it was refused. */
    public void add(CheckedRow row) throws SQLException {
        if (gaveUp) {
            return;
        }
        if (direct) {
            addDirect(row);
            return;
        }
        if (row.refused()) {
            if (row.code() != null) {
                refusedCodes.add(new Object[] {importId, row.line(), row.code()});
            }
            for (Reject r : row.rejects()) {
                rejects.add(new Object[] {importId, r.line(), r.column(), r.value(), r.reason(), r.rule().code(),
                        r.reasonVi()});
            }
        } else {
            staged++;
            rows.append(importId).append('\t').append(row.line());
            for (Object v : row.values()) {
                rows.append('\t');
                copyText(v, rows);
            }
            rows.append('\n');
        }
        if (++rowsInBatch >= batchRows) {
            flush();
        }
    }

    /** Straight into the final table: the row as COPY takes it there, or, refused, the end of going direct. */
    private void addDirect(CheckedRow row) throws SQLException {
        if (row.refused()) {
            giveUp("a refused row, line " + row.line());
            return;
        }
        staged++;
        rows.append(importId);
        Object[] values = row.values();
        for (Object v : values) {
            rows.append('\t');
            copyText(v, rows);
        }
        rows.append('\n');
        if (notCountedAt >= 0 && values[notCountedAt] != null) {
            // As the staging table's rows would say it: "CODE (label, line)".
            if (directNotCounted.size() < NOT_COUNTED_SHOWN) {
                directNotCounted.add(values[0] + " (" + values[notCountedAt] + ", " + row.line() + ")");
            }
            directNotCountedCount++;
        }
        if (++rowsInBatch >= batchRows) {
            flushDirect();
        }
    }

    private void flushDirect() throws SQLException {
        rowsInBatch = 0;
        if (rows.isEmpty()) {
            return;
        }
        try {
            if (copy == null) {
                copy = copyManager.copyIn(copyDirect);
            }
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            rows.setLength(0);
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            uniqueValueMet = true;
            giveUp("a value stored before or repeated");
        }
    }

    private void giveUp(String why) {
        log.info("import {}: {} stands in the way of storing while reading; the file is to be read again", importId, why);
        gaveUp = true;
        close();
    }

    /** Every row added so far is in the database (in the transaction): the COPY is over. */
    public void readingDone() throws SQLException {
        if (direct) {
            flushDirect();
            if (!gaveUp) {
                try {
                    endCopy();
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    uniqueValueMet = true;
            giveUp("a value stored before or repeated");
                }
            }
            log.info("import {}: {} rows stored while reading{}", importId, staged, gaveUp ? ", given up" : "");
            return;
        }
        flush();
        endCopy();
        log.info("import {}: {} rows staged", importId, staged);
    }

    private void flush() throws SQLException {
        rowsInBatch = 0;
        if (!rows.isEmpty()) {
            if (copy == null) {
                copy = copyManager.copyIn(copyRows);
            }
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            rows.setLength(0);
            copy.writeToCopy(bytes, 0, bytes.length);
        }
        if (!rejects.isEmpty() || !refusedCodes.isEmpty()) {
            endCopy();
            if (!rejects.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO import_reject (import_id, line, col, value, reason, rule, reason_vi)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""", rejects);
            }
            if (!refusedCodes.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO import_refused_code (import_id, line, code) VALUES (?, ?, ?)", refusedCodes);
            }
            rejects.clear();
            refusedCodes.clear();
        }
    }

    private void endCopy() throws SQLException {
        if (copy != null) {
            CopyIn c = copy;
            copy = null;
            c.endCopy();
        }
    }

    /** What {@link #store} did: the outcome recorded in {@code import_batch}, and the first dossiers not counted. */
    public record Stored(ImportStatus status, List<String> notCounted) {
    }

    /**
     * Stores the staged rows when no row was refused (new ones added, changed ones updated, the rest left), or, with
     * {@code acceptPartial}, the rows that passed; otherwise nothing. Either way records the outcome in
     * {@code import_batch} and commits it with the rows: the data version is taken last before the commit, in commit
     * order (sql/V94__data_versions.sql).
     *
     * @param rowsRead   the file's dossier rows
     * @param codeHeading how the file heads the code column, to name it in the refusals of repeated codes
     * @param skipped    rows of the file that are not dossiers (blank, group, footer rows)
     * @param fieldsUsed the catalogue's field codes the staged rows name
     */
    public Stored store(boolean acceptPartial, long rowsRead, String codeHeading, long skipped,
                        Collection<String> fieldsUsed) {
        // Sorting a million codes and merging them into dossier goes faster with room to sort in memory.
        jdbc.execute("SET LOCAL work_mem = '128MB'");
        long t0 = System.nanoTime();
        keepFields(fieldsUsed);
        if (gaveUp) {
            throw new IllegalStateException("an import given up while reading is read again before it is stored");
        }
        int refused = direct ? 0 : refusedLines();
        int[] counts = direct ? new int[] {(int) staged, 0, 0} : refused == 0 ? merge.storeAllNew(jdbc, importId) : null;
        if (counts == null) {
            // Refused rows, or a code stored before or repeated: every line repeating a code is refused too; then the
            // file is refused whole, or only the rows that passed are stored.
            if (merge.hasRepeats(jdbc, importId)) {
                merge.refuseRepeats(jdbc, importId, codeHeading);
            }
            refused = refusedLines();
            // Nothing stored is a refusal, --accept-partial or not: no row of the file passed.
            if (refused > 0 && (!acceptPartial || refused >= rowsRead)) {
                jdbc.update("UPDATE import_batch SET status = ?, rows_read = ?, refused = ? WHERE id = ?",
                        ImportStatus.REFUSED.name(), rowsRead, refused, importId);
            } else {
                jdbc.update("DELETE FROM " + merge.stagingTable() + " s WHERE s.import_id = ? AND EXISTS"
                        + " (SELECT 1 FROM import_reject r WHERE r.import_id = s.import_id AND r.line = s.line)",
                        importId);
                counts = merge.store(jdbc, importId);
            }
        }
        List<String> notCounted = List.of();
        if (counts != null) {
            notCounted = direct ? List.copyOf(directNotCounted) : merge.notCounted(jdbc, importId, NOT_COUNTED_SHOWN);
            int notCountedCount = direct ? directNotCountedCount
                    : notCounted.isEmpty() ? 0 : merge.notCountedCount(jdbc, importId);
            jdbc.update("""
                    UPDATE import_batch SET status = ?, rows_read = ?, added = ?, changed = ?, unchanged = ?,
                                            refused = ?, not_counted = ?, skipped = ?
                     WHERE id = ?""", ImportStatus.STORED.name(), rowsRead, counts[0], counts[1], counts[2], refused,
                    notCountedCount, skipped, importId);
            jdbc.queryForObject("SELECT next_data_version(?)", Long.class, importId);
        }
        // The codes of refused rows are needed only while the import runs.
        jdbc.update("DELETE FROM import_refused_code WHERE import_id = ?", importId);
        log.info("import {}: stored in {} ms", importId, (System.nanoTime() - t0) / 1_000_000);
        commit();
        return new Stored(counts == null ? ImportStatus.REFUSED : ImportStatus.STORED, notCounted);
    }

    private int refusedLines() {
        return jdbc.queryForObject("SELECT count(DISTINCT line) FROM import_reject WHERE import_id = ?", Integer.class,
                importId);
    }

    /**
     * The catalogue stays as it is until the import commits, and still has every field the rows name (they were
     * checked against it as it was when reading began): one query, where a foreign key would check each row.
     */
    private void keepFields(Collection<String> codes) {
        jdbc.execute("LOCK TABLE field IN SHARE MODE");
        List<String> kept = jdbc.queryForList("SELECT code FROM field WHERE code = ANY (?)", String.class,
                (Object) codes.toArray(String[]::new));
        if (kept.size() < codes.size()) {
            List<String> gone = new ArrayList<>(codes);
            gone.removeAll(kept);
            throw new IllegalStateException("fields removed from the catalogue during the import: " + gone);
        }
    }

    private void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not commit the import", e);
        } finally {
            close();
        }
    }

    /** Rolls back what was not committed, and gives the connection back. */
    @Override
    public void close() {
        rows.setLength(0);
        rejects.clear();
        refusedCodes.clear();
        rowsInBatch = 0;
        if (connection == null) {
            return;
        }
        if (copy != null) {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                log.warn("cancelling an import's COPY", e);
            }
            copy = null;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("rolling back an import", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing an import's connection", e);
        }
        connection = null;
        jdbc = null;
        copyManager = null;
    }

    /** A value in COPY's text format: \\N for null, backslash escapes for the characters that delimit. */
    static void copyText(Object value, StringBuilder out) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        if (value instanceof LocalDate d) {
            // ISO, as LocalDate.toString writes it for the years an import accepts, without its formatter.
            int y = d.getYear();
            int m = d.getMonthValue();
            int day = d.getDayOfMonth();
            out.append(y).append(m < 10 ? "-0" : "-").append(m).append(day < 10 ? "-0" : "-").append(day);
            return;
        }
        String s = value.toString();
        if (plain(s)) {
            out.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
