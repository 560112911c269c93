package vn.motcua.report.dossier;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes checked rows to the import's staging table, and refused ones to {@code import_reject}. The staging table is
 * the import's own: a temporary table in the {@link ImportTransaction}, of the same name and shape as the permanent
 * one (which holds no rows, and gives the shape), so that it is gone with the transaction whatever happens, and no
 * other import sees it. Each chunk's rows go in through PostgreSQL's COPY; for an import kind that stores while
 * reading ({@link ImportKind#storeChunkSql}) the chunk is then stored in its final table too, as long as no row was
 * refused and no code repeated. That work runs on a thread of its own while the next chunk is read and checked
 * (PostgreSQL and Java on two cores); a chunk waits only for the one before it. Refused rows are recorded in the
 * chunk's own transaction, so they are kept whatever becomes of the import.
 */
public class StagingWriter implements ItemStreamWriter<CheckedRow> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StagingWriter.class);

    private final JdbcTemplate jdbc;
    private final ImportKind kind;
    private final long importId;
    private final ImportTransaction transaction;
    private final String copyRows;
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private ExecutorService storing;
    private Future<?> previous;
    private long staged;
    private long waitedNanos;
    /** Read and written by the storing thread and the reading one in turn (a chunk waits for the one before). */
    private JdbcTemplate tx;
    private CopyManager copyManager;
    private boolean storingRows = true;
    private boolean lookingUp;
    private long stored;

    public StagingWriter(JdbcTemplate jdbc, ImportKind kind, long importId, ImportTransaction transaction) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.importId = importId;
        this.transaction = transaction;
        this.copyRows = "COPY " + kind.stagingTable() + " (import_id, line, " + String.join(", ", kind.stagingColumns())
                + ") FROM STDIN";
    }

    @Override
    public void open(ExecutionContext context) {
        if (storing != null) {
            return;
        }
        // The job-scoped transaction is reached here, on the job's thread; the storing thread uses what it gives.
        tx = transaction.jdbc();
        try {
            copyManager = transaction.connection().unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new ItemStreamException("could not start staging the rows", e);
        }
        // A chunk's rows are found by their lines (which only grow: each new entry goes at the index's right end).
        // Named before it exists, the staging table is still the permanent one: the temporary one takes its shape.
        tx.execute("CREATE TEMPORARY TABLE " + kind.stagingTable() + " (LIKE " + kind.stagingTable()
                + ") ON COMMIT DROP; CREATE INDEX ON " + kind.stagingTable() + " (line)");
        storing = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-" + importId + "-store");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void write(Chunk<? extends CheckedRow> chunk) throws Exception {
        rows.setLength(0);
        List<Object[]> rejects = new ArrayList<>();
        List<Object[]> refusedCodes = new ArrayList<>();
        long count = 0;
        long firstLine = -1;
        for (CheckedRow row : chunk) {
            if (row.refused()) {
                if (row.code() != null) {
                    refusedCodes.add(new Object[] {importId, row.line(), row.code()});
                }
                for (Reject r : row.rejects()) {
                    rejects.add(new Object[] {importId, r.line(), r.column(), r.value(), r.reason(), r.rule().code(),
                            r.reasonVi()});
                }
            } else {
                count++;
                if (firstLine < 0) {
                    firstLine = row.line();
                }
                rows.append(importId).append('\t').append(row.line());
                for (Object v : row.values()) {
                    rows.append('\t');
                    copyText(v, rows);
                }
                rows.append('\n');
            }
        }
        if (!rejects.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO import_reject (import_id, line, col, value, reason, rule, reason_vi)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", rejects);
        }
        if (!refusedCodes.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO import_refused_code (import_id, line, code) VALUES (?, ?, ?)", refusedCodes);
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        boolean anyRefused = !rejects.isEmpty();
        waitForPrevious();
        if (anyRefused) {
            // The file is refused, or stored without its refused rows and the codes they repeat: the store step decides.
            storingRows = false;
        }
        if (count == 0) {
            return;
        }
        staged += count;
        long from = firstLine;
        previous = storing.submit(() -> {
            store(bytes, from);
            return null;
        });
    }

    /** On the storing thread: the chunk staged, and stored too while nothing stands in the way. */
    private void store(byte[] bytes, long firstLine) throws SQLException {
        CopyIn copy = copyManager.copyIn(copyRows);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        if (kind.storesWhileReading() && storingRows) {
            storeChunk(firstLine);
        }
    }

    /**
     * A chunk's rows are reached through the lines' index, and, once a code of the file turned out to be stored
     * already, each code looked up in the final table's unique index: the planner, knowing neither table's size in
     * the middle of the transaction, would scan and hash both, which grow with every chunk. Until then the rows are
     * simply inserted, the unique index alone telling a code stored before: a first import, the largest, looks
     * nothing up.
     */
    private void storeChunk(long firstLine) {
        while (true) {
            tx.execute("SAVEPOINT chunk; " + wholeTablePlans("off"));
            try {
                stored += tx.update(kind.storeChunkSql(lookingUp), firstLine);
                tx.execute("RELEASE SAVEPOINT chunk; " + wholeTablePlans("on"));
                return;
            } catch (DuplicateKeyException e) {
                tx.execute("ROLLBACK TO SAVEPOINT chunk; RELEASE SAVEPOINT chunk");
                if (lookingUp) {
                    // A code repeated in the file: the store step finds every repeat and refuses their lines.
                    storingRows = false;
                    return;
                }
                lookingUp = true;
            }
        }
    }

    /** The planner's scans and hashes of whole tables, allowed or not until the transaction ends (or the savepoint). */
    private static String wholeTablePlans(String onOrOff) {
        return "SET LOCAL enable_seqscan = " + onOrOff + "; SET LOCAL enable_hashjoin = " + onOrOff
                + "; SET LOCAL enable_mergejoin = " + onOrOff;
    }

    private void waitForPrevious() throws Exception {
        if (previous == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            previous.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            previous = null;
            waitedNanos += System.nanoTime() - t0;
        }
    }

    /** Waits for the last chunk to be staged (and stored); the transaction stays open for the store step. */
    @Override
    public void close() {
        if (storing == null) {
            return;
        }
        try {
            long t0 = System.nanoTime();
            waitForPrevious();
            transaction.readingDone(staged, stored, storingRows);
            log.info("import {}: {} rows staged, {} stored while reading; PostgreSQL finished {} ms after the last chunk,"
                    + " and the reading waited {} ms for it in all", importId, staged, stored,
                    (System.nanoTime() - t0) / 1_000_000, waitedNanos / 1_000_000);
        } catch (Exception e) {
            throw new ItemStreamException("could not stage the rows", e);
        } finally {
            storing.shutdownNow();
            storing = null;
        }
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
