package vn.motcua.report.fault;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * One question to the database on a connection of its own, never one of the command's: does it answer
 * {@code SELECT 1} within a few seconds? A new connection each time, since a stopped postmaster still
 * lets the connections it had answer, but takes no new one; every wait (connecting, logging in, reading)
 * is bounded.
 */
final class DatabaseProbe {

    /** What the database did. */
    enum Answer {
        /** It answered: with the row, or with an error of its own (a login refused is an answer too). */
        ANSWERS,
        /** Nothing listens where it was: the server is gone. */
        REFUSED,
        /** It took the connection, or not, but said nothing in time: stopped, hung or out of reach. */
        SILENT
    }

    private final String url;
    private final Properties login;

    DatabaseProbe(String url, Properties login, Duration timeout) {
        this.url = url;
        this.login = new Properties();
        this.login.putAll(login);
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        this.login.setProperty("connectTimeout", seconds);
        this.login.setProperty("loginTimeout", seconds);
        this.login.setProperty("socketTimeout", seconds);
        this.login.setProperty("ApplicationName", "motcua-report watch");
    }

    Answer ask() {
        try (Connection c = DriverManager.getConnection(url, login); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return Answer.ANSWERS;
        } catch (SQLException e) {
            return answerOf(e);
        }
    }

    /** What a failed question means: refused, silent, or an answer that is an error of the server's. */
    static Answer answerOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return Answer.REFUSED;
            }
        }
        return DatabaseFaults.isConnectionFailure(failure) ? Answer.SILENT : Answer.ANSWERS;
    }
}
