package vn.motcua.report.db;

import java.io.Closeable;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import vn.motcua.report.system.Fault;

/**
 * A real PostgreSQL whose data lives in {@code $MOTCUA_HOME/db}, shared by every command working on
 * that home at the same time, and stopped by the last one out.
 * <p>
 * How, with two operating-system file locks in MOTCUA_HOME (the OS drops a lock when its process dies,
 * however it dies, so nothing is ever left to clean by hand):
 * <ul>
 * <li>{@code db.gate}: held exclusively for the moment a command decides to start or stop the server,
 * so two commands never start two servers on the same data, and none starts one while another stops it;</li>
 * <li>{@code db.users}: every command using the server holds a <em>shared</em> lock on it while it runs.
 * When a command ends it drops its shared lock and tries for an exclusive one: it gets it only if no
 * other command is still using the server, and then (only then) it stops the server.</li>
 * </ul>
 * A server left running by a killed command (its postmaster.pid answers) is simply reused, and stopped
 * by whichever command is last out. A postmaster.pid left by a dead server is removed when its PID is
 * not a running postgres, so a start never trips on it. Within one JVM (tests open several Spring
 * contexts) the server is counted per data folder, since a JVM cannot lock one file twice.
 */
public final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** How long the last command waits for the server to stop before leaving it for the next one. */
    private static final long STOP_WAIT_SECONDS = 60;

    /** How long a command waits for a running server on its data to answer before saying it does not. */
    private static final long ANSWER_WAIT_SECONDS = 15;

    /** The servers this JVM uses, by data folder. */
    private static final Map<Path, Shared> IN_THIS_JVM = new HashMap<>();

    /** One server as this JVM uses it. */
    private static final class Shared {
        final MotcuaHome home;
        final int port;
        final EmbeddedPostgres started;
        final FileChannel usersFile;
        FileLock usersLock;
        int users = 1;

        Shared(MotcuaHome home, int port, EmbeddedPostgres started, FileChannel usersFile, FileLock usersLock) {
            this.home = home;
            this.port = port;
            this.started = started;
            this.usersFile = usersFile;
            this.usersLock = usersLock;
        }
    }

    private final Shared shared;
    private boolean closed;

    private EmbeddedPostgresServer(Shared shared) {
        this.shared = shared;
    }

    public static EmbeddedPostgresServer startOrReuse(MotcuaHome home) {
        Path data = home.database();
        synchronized (IN_THIS_JVM) {
            Shared known = IN_THIS_JVM.get(data);
            if (known != null) {
                known.users++;
                return new EmbeddedPostgresServer(known);
            }
            try {
                Files.createDirectories(home.path());
                Files.createDirectories(home.binaries());
                Files.createDirectories(home.logs());
                try (FileChannel gate = open(home.path().resolve("db.gate")); FileLock ignored = gate.lock()) {
                    FileChannel users = open(home.path().resolve("db.users"));
                    FileLock usersLock;
                    try {
                        usersLock = users.lock(0, Long.MAX_VALUE, true);
                        Shared s = startOrFind(home, users, usersLock);
                        IN_THIS_JVM.put(data, s);
                        return new EmbeddedPostgresServer(s);
                    } catch (IOException | RuntimeException e) {
                        users.close();
                        throw e;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL in " + data
                        + ": " + e.getMessage() + ". See " + home.logs().resolve("postgresql.log"), e);
            }
        }
    }

    /** Called with the gate held: the live server on this data, or a new one. */
    private static Shared startOrFind(MotcuaHome home, FileChannel users, FileLock usersLock) throws IOException {
        Path data = home.database();
        Integer livePort = livePortOrClearStale(data);
        if (livePort != null) {
            log.info("Using the PostgreSQL server already running on {} (port {})", data, livePort);
            return new Shared(home, livePort, null, users, usersLock);
        }
        Redirect serverLog = Redirect.appendTo(home.logs().resolve("postgresql.log").toFile());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // The server outlives this process while others use it: the last one out stops it, not a hook.
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(home.binaries().toFile())
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                .start();
        log.info("Started embedded PostgreSQL on {} (port {})", data, pg.getPort());
        return new Shared(home, pg.getPort(), pg, users, usersLock);
    }

    /**
     * The port of a server that runs on this data folder and answers, or null. A postmaster.pid whose
     * PID is no running postgres (the server died with its machine, the PID was reused) is removed; a
     * postgres that is still starting or stopping is waited for.
     */
    private static Integer livePortOrClearStale(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_WAIT_SECONDS);
        for (int attempt = 0; attempt < 40 && System.nanoTime() < deadline; attempt++) {
            if (!Files.exists(pidFile)) {
                return null;
            }
            List<String> lines = Files.readAllLines(pidFile);
            Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : pid(lines.get(0))
                    .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                    .filter(p -> isThePostmaster(p, lines));
            if (postmaster.isEmpty()) {
                if (attempt > 0) {
                    // Written by a server that died, or half-written by one starting: gone either way now.
                    log.warn("Removing {} left by a PostgreSQL server that is no longer running", pidFile);
                    Files.deleteIfExists(pidFile);
                    return null;
                }
            } else if (lines.size() >= 4) {
                Integer port = answeringPort(lines.get(3));
                if (port != null) {
                    return port;
                }
            }
            sleep(250);
        }
        // Stopped (SIGSTOP) or hung: said in the user's words; the process is the operator's to end.
        throw new Fault(null, "fault.database.embedded", data);
    }

    /**
     * Whether a live process is the server that wrote this postmaster.pid, not a later process that got
     * its PID (after a reboot, say): its start time must match the file's (line 3, epoch seconds), and
     * its command, when visible, must be postgres. When neither can be read, assume it is.
     */
    private static boolean isThePostmaster(ProcessHandle process, List<String> pidFile) {
        ProcessHandle.Info info = process.info();
        Optional<Long> written = pidFile.size() >= 3 ? pid(pidFile.get(2)) : Optional.empty();
        if (written.isPresent() && info.startInstant().isPresent()
                && Math.abs(info.startInstant().get().getEpochSecond() - written.get()) > 5) {
            return false;
        }
        return info.command().map(c -> c.contains("postgres")).orElse(true);
    }

    private static Optional<Long> pid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Integer answeringPort(String line) {
        try {
            int port = Integer.parseInt(line.trim());
            // Every wait bounded: a stopped server accepts the connection but never answers the login.
            String probe = jdbcUrl(port) + "?connectTimeout=3&loginTimeout=3&socketTimeout=3";
            try (Connection c = DriverManager.getConnection(probe, "postgres", "")) {
                return c.isValid(3) ? port : null;
            }
        } catch (NumberFormatException | SQLException e) {
            return null;
        }
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String jdbcUrl() {
        return jdbcUrl(shared.port);
    }

    /** Leaves the server; the last command out (in every process) stops it. */
    @Override
    public void close() throws IOException {
        synchronized (IN_THIS_JVM) {
            if (closed) {
                return;
            }
            closed = true;
            if (--shared.users > 0) {
                return;
            }
            IN_THIS_JVM.remove(shared.home.database());
            try (FileChannel gate = open(shared.home.path().resolve("db.gate")); FileLock ignored = gate.lock()) {
                shared.usersLock.release();
                FileLock alone = shared.usersFile.tryLock();
                if (alone == null) {
                    log.info("Other commands still use the PostgreSQL server on {}; leaving it running",
                            shared.home.database());
                    return;
                }
                try {
                    stop();
                } finally {
                    alone.release();
                }
            } finally {
                shared.usersFile.close();
            }
        }
    }

    private void stop() throws IOException {
        if (shared.started != null) {
            shared.started.close();
            log.info("Stopped the embedded PostgreSQL on {}", shared.home.database());
            return;
        }
        // Started by a command that has ended (or was killed): ask its postmaster to shut down (SIGTERM).
        Path pidFile = shared.home.database().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = pid(Files.readAllLines(pidFile).get(0)).flatMap(ProcessHandle::of);
        if (postmaster.isEmpty()) {
            return;
        }
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            log.info("Stopped the PostgreSQL server on {} that an earlier command had started", shared.home.database());
        } catch (TimeoutException e) {
            log.warn("The PostgreSQL server on {} did not stop within {} s (a client is still connected?);"
                    + " the next command will reuse it", shared.home.database(), STOP_WAIT_SECONDS);
        } catch (Exception e) {
            log.warn("Could not wait for the PostgreSQL server on {} to stop", shared.home.database(), e);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
