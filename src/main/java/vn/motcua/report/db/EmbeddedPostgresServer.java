package vn.motcua.report.db;

import java.io.Closeable;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL whose data lives in {@code $MOTCUA_HOME/db}, so data and job history survive
 * between commands. When a live server already runs on that data (another command is working), it is
 * reused rather than started twice; only the process that started the server stops it.
 */
public final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres started;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres started, int port) {
        this.started = started;
        this.port = port;
    }

    public static EmbeddedPostgresServer startOrReuse(MotcuaHome home) {
        Path data = home.database();
        try {
            Files.createDirectories(data.getParent());
            Files.createDirectories(home.binaries());
            Files.createDirectories(home.logs());
            Integer livePort = livePort(data);
            if (livePort != null) {
                log.info("Using the PostgreSQL server already running on {} (port {})", data, livePort);
                return new EmbeddedPostgresServer(null, livePort);
            }
            Redirect serverLog = Redirect.appendTo(home.logs().resolve("postgresql.log").toFile());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(home.binaries().toFile())
                    .setOutputRedirector(serverLog)
                    .setErrorRedirector(serverLog)
                    .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                    .start();
            log.info("Started embedded PostgreSQL on {} (port {})", data, pg.getPort());
            return new EmbeddedPostgresServer(pg, pg.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + data
                    + ": " + e.getMessage() + ". See " + home.logs().resolve("postgresql.log"), e);
        }
    }

    /** The port of a server that is running on this data folder and answers, or null. */
    private static Integer livePort(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return null;
        }
        try {
            int port = Integer.parseInt(lines.get(3).trim());
            try (Connection c = DriverManager.getConnection(jdbcUrl(port), "postgres", "")) {
                return c.isValid(2) ? port : null;
            }
        } catch (NumberFormatException | SQLException e) {
            return null;
        }
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    @Override
    public void close() throws IOException {
        if (started != null) {
            started.close();
        }
    }
}
