package vn.motcua.report.classify;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import vn.motcua.report.dossier.Channel;
import vn.motcua.report.dossier.Dossier;
import vn.motcua.report.dossier.Outcome;
import vn.motcua.report.period.Period;

/**
 * Streams the dossiers that may be in a period's scope, in id order, through a server-side cursor.
 * The database does the coarse filter (received on or before E, not finished before S); the
 * {@link Classifier} decides each one. On restart it resumes after the last id of the last committed
 * chunk, so nothing committed is read again.
 */
public class InScopeDossierReader implements ItemStreamReader<Dossier> {

    static final String LAST_ID = "lastId";

    private static final String SQL = """
            SELECT id, code, field_code, channel, received_on, due_on, finished_on, outcome,
                   paused_from, paused_until, apology_on
              FROM dossier
             WHERE received_on <= ? AND (finished_on IS NULL OR finished_on >= ?) AND id > ?
             ORDER BY id""";

    private final DataSource dataSource;
    private final Period period;
    private final int fetchSize;

    private Connection connection;
    private ResultSet rows;
    private long lastId;

    public InScopeDossierReader(DataSource dataSource, Period period, int fetchSize) {
        this.dataSource = dataSource;
        this.period = period;
        this.fetchSize = fetchSize;
    }

    @Override
    public void open(ExecutionContext context) {
        lastId = context.getLong(LAST_ID, 0L);
        try {
            connection = dataSource.getConnection();
            // A cursor streams only inside a transaction; without it the driver loads every row.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            PreparedStatement statement = connection.prepareStatement(SQL);
            statement.setFetchSize(fetchSize);
            statement.setDate(1, Date.valueOf(period.end()));
            statement.setDate(2, Date.valueOf(period.start()));
            statement.setLong(3, lastId);
            rows = statement.executeQuery();
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("Could not open the dossier cursor: " + e.getMessage(), e);
        }
    }

    @Override
    public Dossier read() throws SQLException {
        if (rows == null || !rows.next()) {
            return null;
        }
        String outcome = rows.getString(8);
        Dossier d = new Dossier(rows.getLong(1), rows.getString(2), rows.getString(3),
                Channel.valueOf(rows.getString(4).toUpperCase()),
                date(rows, 5), date(rows, 6), date(rows, 7),
                outcome == null ? null : Outcome.valueOf(outcome.toUpperCase()),
                date(rows, 9), date(rows, 10), date(rows, 11));
        lastId = d.id();
        return d;
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
