package vn.motcua.report.classify;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.postgresql.PGStatement;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import vn.motcua.report.dossier.Channel;
import vn.motcua.report.dossier.Dossier;
import vn.motcua.report.dossier.Outcome;
import vn.motcua.report.period.Period;

/**
 * Streams the dossiers that may be in a period's scope, in id order, through a server-side cursor, each with
 * its handling unit as the export named it (for the table by unit, summed as the dossiers are counted).
 * The database does the coarse filter (received on or before E, not finished before S); the
 * {@link Classifier} decides each one. On restart it resumes after the last id of the last committed
 * chunk, so nothing committed is read again.
 */
public class InScopeDossierReader implements ItemStreamReader<InScopeDossierReader.InScope> {

    /** A dossier that may be in scope, its unit and its receiving centre as stored ('' for none). */
    public record InScope(Dossier dossier, String unit, String centre) {
    }

    static final String LAST_ID = "lastId";

    /**
     * Only the columns the rules, the table by unit and a province's centres need (not the code, procedure,
     * import...). Parameters: E, S, the id to
     * resume after, and the id to stop at (inclusive; a partition's upper bound, or Long.MAX_VALUE).
     */
    public static final String SQL = """
            SELECT id, field_code, channel, received_on, due_on, finished_on, outcome,
                   paused_from, paused_until, apology_on, coalesce(unit, ''), coalesce(centre, '')
              FROM dossier
             WHERE received_on <= ? AND (finished_on IS NULL OR finished_on >= ?) AND not_counted IS NULL
               AND id > ? AND id <= ?%s
             ORDER BY id""".formatted("");

    /**
     * As {@link #SQL}, only the dossiers one centre received: a fifth parameter, the centre's spellings as
     * {@code dossier.centre} stores them.
     */
    static final String SQL_OF_CENTRE = SQL.replace("AND id <= ?", "AND id <= ? AND centre = ANY (?::text[])");

    private final DataSource dataSource;
    private final Period period;
    private final int fetchSize;
    private final long fromId;
    private final long toId;
    /** The stored spellings of the report's centre; null for every dossier. */
    private final String[] centre;

    private Connection connection;
    private ResultSet rows;
    private long lastId;
    private final FieldCodes fieldCodes = new FieldCodes();
    /** One String instance per unit name too: the unit's sums are looked up by it, as the fields' are. */
    private final FieldCodes unitNames = new FieldCodes();
    /** And per stored centre: a province's reading routes each dossier to its centre's revision by it. */
    private final FieldCodes centreNames = new FieldCodes();

    /** All dossiers: ids above {@code afterId} up to {@code toId} (a partition), or everything. */
    public InScopeDossierReader(DataSource dataSource, Period period, int fetchSize, long afterId, long toId) {
        this(dataSource, period, fetchSize, afterId, toId, null);
    }

    /**
     * As {@link #InScopeDossierReader(DataSource, Period, int, long, long)}, only the dossiers whose stored receiving
     * centre is one of {@code centre} (null: every dossier).
     */
    public InScopeDossierReader(DataSource dataSource, Period period, int fetchSize, long afterId, long toId,
                                java.util.List<String> centre) {
        this.centre = centre == null ? null : centre.toArray(String[]::new);
        this.dataSource = dataSource;
        this.period = period;
        this.fetchSize = fetchSize;
        this.fromId = afterId;
        this.toId = toId;
    }

    @Override
    public void open(ExecutionContext context) {
        lastId = context.getLong(LAST_ID, fromId);
        try {
            connection = dataSource.getConnection();
            // A cursor streams only inside a transaction; without it the driver loads every row.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            rows = open(connection, period, lastId, toId, fetchSize, centre);
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("Could not open the dossier cursor: " + e.getMessage(), e);
        }
    }

    @Override
    public InScope read() throws SQLException {
        if (rows == null || !rows.next()) {
            return null;
        }
        Dossier d = dossier(rows, fieldCodes);
        lastId = d.id();
        return new InScope(d, unitNames.canonical(rows.getString(11)), centreNames.canonical(rows.getString(12)));
    }

    /**
     * Runs {@link #SQL} on a connection that is in a transaction (autocommit off), streaming through a
     * cursor of {@code fetchSize} rows, with binary transfer (dates decode without text parsing).
     */
    public static ResultSet open(Connection connection, Period period, long afterId, long toId, int fetchSize)
            throws SQLException {
        return open(connection, period, afterId, toId, fetchSize, null);
    }

    private static ResultSet open(Connection connection, Period period, long afterId, long toId, int fetchSize,
                                  String[] centre) throws SQLException {
        if (centre != null) {
            // A centre's dossiers are found through dossier_by_centre only by a plan made for its spellings and the
            // period's dates: the plan the server would keep for any values after a few runs on this pooled
            // connection scans the whole id range instead, for every centre.
            try (Statement session = connection.createStatement()) {
                session.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
        }
        PreparedStatement statement = connection.prepareStatement(centre == null ? SQL : SQL_OF_CENTRE);
        // A negative threshold makes the driver prepare at once and ask for binary results.
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        statement.setFetchSize(fetchSize);
        statement.setDate(1, Date.valueOf(period.end()));
        statement.setDate(2, Date.valueOf(period.start()));
        statement.setLong(3, afterId);
        statement.setLong(4, toId);
        if (centre != null) {
            statement.setArray(5, connection.createArrayOf("text", centre));
        }
        return statement.executeQuery();
    }

    /**
     * The current row of {@link #SQL} as a dossier (without its code, which no rule reads). The field code
     * is the one instance per code that {@code fieldCodes} keeps.
     */
    public static Dossier dossier(ResultSet rows, FieldCodes fieldCodes) throws SQLException {
        return new Dossier(rows.getLong(1), null, fieldCodes.canonical(rows.getString(2)), channel(rows.getString(3)),
                date(rows, 4), date(rows, 5), date(rows, 6), outcome(rows.getString(7)),
                date(rows, 8), date(rows, 9), date(rows, 10));
    }

    /**
     * One String instance per field code. Later lookups by field (the writer's per-field sums, a chunk
     * after the row was read and the fresh string left the CPU cache) then hit a cached hash and an
     * identity match: measured as most of the writer's time without it.
     */
    public static final class FieldCodes {
        private final java.util.HashMap<String, String> codes = new java.util.HashMap<>();

        public String canonical(String code) {
            String kept = codes.putIfAbsent(code, code);
            return kept == null ? code : kept;
        }
    }

    private static Channel channel(String code) {
        return switch (code) {
            case "direct" -> Channel.DIRECT;
            case "online" -> Channel.ONLINE;
            case "postal" -> Channel.POSTAL;
            default -> throw new IllegalStateException("unknown channel " + code);
        };
    }

    private static Outcome outcome(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "resolved" -> Outcome.RESOLVED;
            case "withdrawn" -> Outcome.WITHDRAWN;
            case "returned" -> Outcome.RETURNED;
            default -> throw new IllegalStateException("unknown outcome " + code);
        };
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** Called just before each chunk commits: the restart point is the last id handed out. */
    @Override
    public void update(ExecutionContext context) {
        context.putLong(LAST_ID, lastId);
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            throw new ItemStreamException("Could not close the dossier cursor: " + e.getMessage(), e);
        } finally {
            connection = null;
            rows = null;
        }
    }
}
