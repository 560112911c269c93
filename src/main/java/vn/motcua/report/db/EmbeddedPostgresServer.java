package vn.motcua.report.db;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.system.Fault;
import vn.motcua.report.system.Refusal;

/**
 * A real PostgreSQL whose data lives in {@code $MOTCUA_HOME/db}, shared by every command working on
 * that home at the same time, and stopped by the last one out. Only the operator's account can use it: see
 * {@link DatabaseAccess} (who connects how) and {@link OwnFolders} (what is on disk is the operator's alone).
 * Every commit is on disk before it is acknowledged ({@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on): an import or a revision that a command reported stored survives a power cut.
 * <p>
 * How the server is shared, with two operating-system file locks in MOTCUA_HOME (the OS drops a lock when
 * its process dies, however it dies, so nothing is ever left to clean by hand):
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

    /** The product's role and database (see {@link DatabaseAccess}). */
    public static final String ROLE = DatabaseAccess.ROLE;

    static final String GATE = "db.gate";
    static final String USERS = "db.users";

    /** How long the last command waits for the server to stop before leaving it for the next one. */
    private static final long STOP_WAIT_SECONDS = 60;
    private static final long START_WAIT_SECONDS = 60;

    /** A Unix socket's path holds at most 107 bytes: the folder's, then "/.s.PGSQL.NNNNN". */
    private static final int SOCKET_FOLDER_MAX_BYTES = 107 - 16;

    /** How long a command waits for a running server on its data to answer before saying it does not. */
    private static final long ANSWER_WAIT_SECONDS = 15;

    /** The servers this JVM uses, by data folder. */
    private static final Map<Path, Shared> IN_THIS_JVM = new HashMap<>();

    /** One server as this JVM uses it. */
    private static final class Shared {
        final MotcuaHome home;
        final int port;
        final String password;
        /** The programs this command started the server with; null when it found the server running. */
        final PostgresBinaries startedWith;
        final FileChannel usersFile;
        FileLock usersLock;
        int users = 1;

        Shared(MotcuaHome home, int port, String password, PostgresBinaries startedWith, FileChannel usersFile,
               FileLock usersLock) {
            this.home = home;
            this.port = port;
            this.password = password;
            this.startedWith = startedWith;
            this.usersFile = usersFile;
            this.usersLock = usersLock;
        }
    }

    /** A server running on the data folder: its postmaster, its port, and whether it lets the product in. */
    private record Live(ProcessHandle postmaster, int port, boolean letsUsIn) {
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
                home.secured();
                if (!data.getParent().equals(home.path())) {
                    OwnFolders.folder(data.getParent()); // a scratch folder, or the folder motcua.database names
                }
                OwnFolders.folder(home.sockets());
                OwnFolders.createPrivate(home.lock(GATE));
                OwnFolders.createPrivate(home.lock(USERS));
                try (FileChannel gate = open(home.lock(GATE)); FileLock ignored = gate.lock()) {
                    FileChannel users = open(home.lock(USERS));
                    try {
                        Shared s = startOrFind(home, users);
                        IN_THIS_JVM.put(data, s);
                        return new EmbeddedPostgresServer(s);
                    } catch (IOException | RuntimeException e) {
                        users.close();
                        throw e;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL in " + data
                        + ": " + e.getMessage() + ". See " + serverLog(home), e);
            }
        }
    }

    /** Called with the gate held: the live server on this data, or a new one; this command then counts as a user. */
    private static Shared startOrFind(MotcuaHome home, FileChannel users) throws IOException {
        Path data = home.database();
        DatabaseAccess access = DatabaseAccess.of(home);
        FileLock usersLock = users.lock(0, Long.MAX_VALUE, true);
        Live live = liveServerOrClearStale(home, access);
        if (live != null && live.letsUsIn()) {
            log.info("Using the PostgreSQL server already running on {} (port {})", data, live.port());
            return new Shared(home, live.port(), access.productPassword(), null, users, usersLock);
        }
        PostgresBinaries binaries = PostgresBinaries.ready(home);
        if (live != null) {
            // Started by an earlier version (trusting every connection, not flushing commits) or with passwords since removed.
            usersLock.release();
            FileLock alone = users.tryLock();
            if (alone == null) {
                throw new Refusal("db.other-server", data.toString(), Long.toString(live.postmaster().pid()));
            }
            try {
                log.info("Stopping the PostgreSQL server on {}: not started as this home needs (passwords, settings)", data);
                if (!stopPostmaster(binaries, home)) {
                    throw new Refusal("db.other-server", data.toString(), Long.toString(live.postmaster().pid()));
                }
            } finally {
                alone.release();
            }
            usersLock = users.lock(0, Long.MAX_VALUE, true);
        }
        Path serverLog = serverLog(home);
        OwnFolders.createPrivate(serverLog);
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        if (fresh) {
            initdb(binaries, access, home, serverLog);
        } else {
            OwnFolders.tighten(data); // PostgreSQL itself checks that no one else may enter
        }
        DatabaseAccess.writeHba(data);
        boolean setUp = access.isSetUp(data);
        if (!setUp && !fresh) {
            access.setSuperuserPasswordOffline(binaries, data, serverLog);
        }
        int port = start(binaries, home, serverLog);
        if (!setUp) {
            access.setUp(port, data);
        }
        log.info("Started embedded PostgreSQL on {} (port {})", data, port);
        return new Shared(home, port, access.productPassword(), binaries, users, usersLock);
    }

    /** A new data folder, made beside the real one and renamed into place once whole. */
    private static void initdb(PostgresBinaries binaries, DatabaseAccess access, MotcuaHome home, Path serverLog)
            throws IOException {
        Path data = home.database();
        Path making = data.resolveSibling("." + data.getFileName() + ".initdb");
        removeFolder(making); // left by a command killed while making it
        Path passwordFile = home.path().resolve(".initdb-" + UUID.randomUUID());
        try {
            run(binaries.command("initdb", access.initdbArguments(making, passwordFile)), serverLog, START_WAIT_SECONDS);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        Files.move(making, data, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Starts the postmaster on a free port (another, should one be taken meanwhile); returns the port. */
    private static int start(PostgresBinaries binaries, MotcuaHome home, Path serverLog) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                run(binaries.command("pg_ctl", List.of("start", "-D", home.database().toString(), "-w",
                        "-t", Long.toString(START_WAIT_SECONDS), "-s", "-o", serverOptions(home, port))),
                        serverLog, START_WAIT_SECONDS + 10);
                return port;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * The settings that matter for who can connect and for durability, on the command line, where no
     * configuration file in the data folder can change them: TCP on 127.0.0.1 only, the Unix socket in the
     * operator's own folder, and every commit flushed to disk.
     */
    static String serverOptions(MotcuaHome home, int port) {
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + socketFolder(home),
                "-c", "unix_socket_permissions=0700",
                "-c", "password_encryption=scram-sha-256",
                "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on",
                "-c", "timezone=Asia/Ho_Chi_Minh", "-c", "max_connections=300"));
        // pg_ctl hands these to the shell: each one quoted.
        return String.join(" ", options.stream().map(o -> "'" + o.replace("'", "'\\''") + "'").toList());
    }

    /** The operator's socket folder; none (TCP only) when its path is too long for a socket or breaks the setting's list syntax. */
    private static String socketFolder(MotcuaHome home) {
        String folder = home.sockets().toAbsolutePath().toString();
        if (folder.getBytes(StandardCharsets.UTF_8).length > SOCKET_FOLDER_MAX_BYTES
                || folder.chars().anyMatch(c -> c == ',' || c == '"' || c < ' ')) {
            log.info("No Unix socket for the embedded server: the path of {} is too long or holds ',' or '\"'", folder);
            return "";
        }
        return folder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs one of PostgreSQL's programs to its end, its output appended to the server's log. */
    static void run(List<String> command, Path serverLog, long timeoutSeconds) throws IOException {
        String program = command.stream().filter(c -> c.contains("/")).findFirst().map(c -> Path.of(c).getFileName().toString())
                .orElse(command.get(0));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(serverLog.toFile())).start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + program, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(program + " exited with " + process.exitValue());
        }
    }

    /**
     * The server that runs on this data folder and answers, or null. A postmaster.pid whose PID is no running
     * postgres (the server died with its machine, the PID was reused) is removed; a postgres that is still
     * starting or stopping is waited for.
     */
    private static Live liveServerOrClearStale(MotcuaHome home, DatabaseAccess access) throws IOException {
        Path data = home.database();
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
                Live live = answering(postmaster.get(), lines, access, home);
                if (live != null) {
                    return live;
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

    /**
     * The server on this port, if it answers: letting the product in with the settings this home needs, or not
     * (refusing its login, or running without them: started by an earlier version).
     */
    private static Live answering(ProcessHandle postmaster, List<String> pidFile, DatabaseAccess access, MotcuaHome home) {
        int port;
        try {
            port = Integer.parseInt(pidFile.get(3).trim());
        } catch (NumberFormatException e) {
            return null;
        }
        // postmaster.pid's lines 5 and 6: the first socket folder and the first TCP address it listens on.
        boolean listensAsNeeded = pidFile.size() >= 6 && pidFile.get(4).trim().equals(socketFolder(home))
                && pidFile.get(5).trim().equals("127.0.0.1");
        // Every wait bounded: a stopped server accepts the connection but never answers the login.
        String probe = jdbcUrl(port) + "?connectTimeout=3&loginTimeout=3&socketTimeout=3";
        try (Connection c = DriverManager.getConnection(probe, access.productLogin());
             Statement sql = c.createStatement();
             ResultSet settings = sql.executeQuery(
                     "SELECT current_setting('fsync') || ' ' || current_setting('synchronous_commit')")) {
            // Started by another program on this data (an earlier version, by hand): not the server this home needs.
            boolean ours = listensAsNeeded && settings.next() && settings.getString(1).equals("on on");
            return new Live(postmaster, port, ours);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            // 28: the login refused (no such role, wrong password); 3D: no such database.
            return state.startsWith("28") || state.startsWith("3D") ? new Live(postmaster, port, false) : null;
        }
    }

    /** The URL of the product's database on an embedded server listening on this port. */
    public static String jdbcUrl(int port) {
        return jdbcUrl(port, DatabaseAccess.DATABASE);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl() {
        return jdbcUrl(shared.port);
    }

    public int port() {
        return shared.port;
    }

    /** The product's role, which is no superuser. */
    public String user() {
        return ROLE;
    }

    public String password() {
        return shared.password;
    }

    /** The product's password on the embedded server of this home (for a program that connects to it beside the product). */
    public static String passwordOf(MotcuaHome home) throws IOException {
        return DatabaseAccess.read(home).productPassword();
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
            try (FileChannel gate = open(shared.home.lock(GATE)); FileLock ignored = gate.lock()) {
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
        Path data = shared.home.database();
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = pid(Files.readAllLines(pidFile).get(0)).flatMap(ProcessHandle::of);
        if (postmaster.isEmpty()) {
            return;
        }
        PostgresBinaries binaries = shared.startedWith != null ? shared.startedWith : PostgresBinaries.ready(shared.home);
        if (stopPostmaster(binaries, shared.home)) {
            log.info(shared.startedWith != null ? "Stopped the embedded PostgreSQL on {}"
                    : "Stopped the PostgreSQL server on {} that an earlier command had started", data);
        }
    }

    /**
     * Asks the server to shut down (fast: its sessions end, what they did not commit is rolled back) and waits
     * for it; false when it did not stop in time.
     */
    private static boolean stopPostmaster(PostgresBinaries binaries, MotcuaHome home) {
        Path data = home.database();
        try {
            run(binaries.command("pg_ctl", List.of("stop", "-D", data.toString(), "-m", "fast",
                    "-w", "-t", Long.toString(STOP_WAIT_SECONDS), "-s")), serverLog(home), STOP_WAIT_SECONDS + 10);
            return true;
        } catch (IOException e) {
            log.warn("The PostgreSQL server on {} did not stop within {} s; the next command will reuse it ({})", data,
                    STOP_WAIT_SECONDS, e.getMessage());
            return false;
        }
    }

    private static Path serverLog(MotcuaHome home) {
        return home.logs().resolve("postgresql.log");
    }

    private static void removeFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
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
