package vn.motcua.report.fault;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.postgresql.Driver;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariDataSource;

import vn.motcua.report.config.MotcuaProperties;
import vn.motcua.report.db.MotcuaHome;
import vn.motcua.report.system.Fault;

/**
 * The database as the user knows it ("the database at db.example.vn:5432", "the embedded database in
 * ~/.motcua/db"), the fault that says it does not answer, and what tells a failure of its connection from
 * any other: whether it answers now is asked on a connection of its own ({@link DatabaseProbe}).
 */
@Component
public class DatabaseFaults {

    /** The setting that names a database server; without it the database is the embedded one. */
    static final String URL_PROPERTY = "spring.datasource.url";

    private final String where;
    private final boolean embedded;
    private final DataSource dataSource;
    /** How long the database may not answer before a command ends ({@code motcua.database-patience}). */
    private final Duration patience;

    public DatabaseFaults(Environment environment, MotcuaHome home, DataSource dataSource, MotcuaProperties settings) {
        this.patience = settings.databasePatience();
        String url = environment.getProperty(URL_PROPERTY);
        this.embedded = !StringUtils.hasText(url);
        this.where = embedded ? home.database().toAbsolutePath().toString() : hostsAndPorts(url);
        this.dataSource = dataSource;
    }

    /** "The database at HOST:PORT does not answer …", or "the embedded database in PATH …", with what to do. */
    public Fault notAnswering(Throwable cause) {
        return notAnswering(cause, embedded, where);
    }

    private static Fault notAnswering(Throwable cause, boolean embedded, String where) {
        return new Fault(cause, embedded ? "fault.database.embedded" : "fault.database.server", where);
    }

    /** Whether a failure is one of the database connection's (Hikari, the driver, Spring may wrap it): lost, refused, timed out. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null) {
                String state = e.getSQLState();
                // 08: connection exception; 57P01-03: the server shutting down, crashed, or not taking connections.
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The fault behind a failure, if it is one the user can act on: a {@link Fault} in its chain (a full disk),
     * or a lost connection to a database that does not answer now either. Null for anything else.
     */
    public Fault faultOf(Throwable failure) {
        Fault fault = Fault.in(failure);
        if (fault != null) {
            return fault;
        }
        DatabaseProbe probe = probe(DatabaseWatch.every(patience));
        if (isConnectionFailure(failure) && (probe == null || probe.ask() != DatabaseProbe.Answer.ANSWERS)) {
            return notAnswering(failure);
        }
        return null;
    }

    /** Whether a fault is this database's not answering (the command cannot even end cleanly then). */
    public static boolean isDatabase(Fault fault) {
        return fault.key().startsWith("fault.database.");
    }

    /**
     * When Spring could not start: the fault to tell, found with the settings alone (no bean exists): a
     * {@link Fault} in the chain, or a database connection that failed. Null for anything else.
     */
    public static Fault atStartup(Throwable failure, Environment environment) {
        Fault fault = Fault.in(failure);
        if (fault != null || environment == null || !isConnectionFailure(failure)) {
            return fault;
        }
        String url = environment.getProperty(URL_PROPERTY);
        if (StringUtils.hasText(url)) {
            return notAnswering(failure, false, hostsAndPorts(url));
        }
        String home = environment.getProperty("motcua.home", "");
        return notAnswering(failure, true, new MotcuaHome(Path.of(home)).database().toAbsolutePath().toString());
    }

    /**
     * Watches the database while a command runs ({@link DatabaseWatch}); null when the data source is not a
     * pool whose login is known (nothing to watch with then).
     */
    public DatabaseWatch watch(DatabaseWatch.Ending ending) {
        Duration every = DatabaseWatch.every(patience);
        DatabaseProbe probe = probe(every);
        return probe == null ? null : DatabaseWatch.start(probe, notAnswering(null), ending, every, patience);
    }

    /**
     * A probe with the pool's own URL and login, whose question may take {@code askTimeout}, or null when the data
     * source is not a Hikari pool.
     */
    private DatabaseProbe probe(Duration askTimeout) {
        if (!(dataSource instanceof HikariDataSource pool) || pool.getJdbcUrl() == null) {
            return null;
        }
        Properties login = new Properties();
        login.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            login.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            login.setProperty("password", pool.getPassword());
        }
        return new DatabaseProbe(pool.getJdbcUrl(), login, askTimeout);
    }

    /** "db.example.vn:5432" (several hosts separated by commas), as the driver reads the URL; never its login. */
    static String hostsAndPorts(String url) {
        Properties parsed = Driver.parseURL(url, new Properties());
        if (parsed == null) {
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        }
        String[] hosts = parsed.getProperty("PGHOST", "").split(",");
        String[] ports = parsed.getProperty("PGPORT", "").split(",");
        List<String> where = new ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            where.add(hosts[i] + ":" + (i < ports.length ? ports[i] : "5432"));
        }
        return String.join(", ", where);
    }
}
