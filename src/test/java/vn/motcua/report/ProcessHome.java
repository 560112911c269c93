package vn.motcua.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import vn.motcua.report.db.EmbeddedPostgresServer;
import vn.motcua.report.db.MotcuaHome;

/**
 * The product as a user starts it, one JVM per command, on one MOTCUA_HOME: what the process tests share. Each
 * command runs in the home's folder, on the tests' own class path, with the user's environment but for
 * SPRING_DATASOURCE_URL and MOTCUA_JOBS (the embedded database and the bundled jobs files), in English unless
 * told otherwise; its output goes to files of its own. The embedded server the commands share can be found and
 * queried as the product's role, with the home's password.
 */
public final class ProcessHome {

    /** Longer than any command takes: a guard against a hung one, not a measure. */
    private static final Duration GUARD = Duration.ofSeconds(600);

    /** What one command printed and returned. */
    public record Done(int exitCode, String out, String err) {
    }

    /** A command started and not waited for, with the folder its output goes to. */
    public record Started(Process process, Path outputs) {

        /** Waits for its end, for at most {@code limit}. */
        public Done finish(Duration limit) throws Exception {
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the command did not finish in " + limit.toSeconds() + " s");
            }
            return new Done(process.exitValue(), out(), err());
        }

        public Done finish() throws Exception {
            return finish(GUARD);
        }

        /** What it printed so far. */
        public String out() throws IOException {
            return Files.readString(outputs.resolve("out.txt"));
        }

        /** What it printed so far on its error stream. */
        public String err() throws IOException {
            return Files.readString(outputs.resolve("err.txt"));
        }
    }

    private final Path folder;
    private final Path home;
    private final Map<String, String> environment;
    private final AtomicInteger commands;

    private ProcessHome(Path folder, Map<String, String> environment, AtomicInteger commands) {
        this.folder = folder;
        this.home = folder.resolve("home");
        this.environment = Collections.unmodifiableMap(new HashMap<>(environment));
        this.commands = commands;
    }

    /**
     * A fresh MOTCUA_HOME, {@code folder/home}, whose PostgreSQL binaries are the ones unpacked once for all
     * process tests; its commands run in {@code folder}.
     */
    public static ProcessHome in(Path folder) throws IOException {
        ProcessHome h = withoutBinaries(folder);
        Path binaries = Files.createDirectories(DatabaseTest.ownFolder("process-test-pg-bin"));
        Files.createSymbolicLink(Files.createDirectories(h.home).resolve("pg-bin"), binaries);
        return h;
    }

    /** As {@link #in}, but the home is not made: for commands that must start nothing, not even unpack binaries. */
    public static ProcessHome withoutBinaries(Path folder) {
        return new ProcessHome(folder, Map.of("MOTCUA_LANG", "en"), new AtomicInteger());
    }

    /** The same home, with these variables set for its commands ({@code null}: removed). */
    public ProcessHome with(String variable, String value) {
        Map<String, String> e = new HashMap<>(environment);
        e.put(variable, value);
        return new ProcessHome(folder, e, commands);
    }

    public Path home() {
        return home;
    }

    /** The log's last lines, for a failure's message: the operator's account of what went wrong. */
    public String logTail() throws IOException {
        Path log = home.resolve("logs/motcua-report.log");
        if (!Files.exists(log)) {
            return "\n--- no log ---";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return "\n--- log ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    /** Runs the product's command with the default JVM options and waits for its end. */
    public Done run(String... args) throws Exception {
        return start(args).finish();
    }

    /** Runs the product's command with these JVM options ({@code -Dmotcua.chunk-size=5}) and waits for its end. */
    public Done run(List<String> jvmOptions, String... args) throws Exception {
        return start(jvmOptions, args).finish();
    }

    public Started start(String... args) throws IOException {
        return start(List.of(), args);
    }

    public Started start(List<String> jvmOptions, String... args) throws IOException {
        return start(jvmOptions, List.of(MotcuaReportApplication.class.getName()), args);
    }

    /** Starts {@code main} (the product's, or a test's own, with its arguments) in a JVM on the tests' class path. */
    public Started start(List<String> jvmOptions, List<String> main, String... args) throws IOException {
        List<String> command = java();
        command.addAll(jvmOptions);
        command.addAll(main);
        command.addAll(List.of(args));
        Path outputs = Files.createDirectories(folder.resolve("cmd" + commands.incrementAndGet()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(outputs.resolve("out.txt").toFile()).redirectError(outputs.resolve("err.txt").toFile());
        pb.environment().put("MOTCUA_HOME", home.toString());
        pb.environment().remove("SPRING_DATASOURCE_URL");
        pb.environment().remove("MOTCUA_JOBS");
        pb.environment().remove("MOTCUA_LANG");
        environment.forEach((variable, value) -> {
            if (value == null) {
                pb.environment().remove(variable);
            } else {
                pb.environment().put(variable, value);
            }
        });
        return new Started(pb.start(), outputs);
    }

    /**
     * {@code java} on the tests' class path, as the product's commands run in these tests: a heap of 256 MB (the
     * README's), and, since a command lives for seconds, only the first JIT tier and the serial collector, which
     * halve the processor time a start costs (the suite's process tests start about a hundred).
     */
    public static List<String> java() {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
    }

    /** The home's postmaster, only if it is a live postgres process: a test never signals anything else. */
    public Optional<ProcessHandle> postmaster() throws IOException {
        return postmasterPid().stream().flatMap(l -> ProcessHandle.of(Long.parseLong(l.get(0).trim())).stream())
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false)).findFirst();
    }

    /** The port the home's server listens on, as its postmaster.pid says, once it says so. */
    public Optional<Integer> port() throws IOException {
        return postmasterPid().filter(lines -> lines.size() >= 4).map(lines -> Integer.parseInt(lines.get(3).trim()));
    }

    private Optional<List<String>> postmasterPid() throws IOException {
        Path pid = home.resolve("db/postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pid);
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines);
    }

    /**
     * The first column of the first row, asked as the product's role with the home's password on the server the
     * commands share; empty when there is none, or no server, or it is not up or has no schema yet.
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> query(String sql) throws IOException {
        Optional<Integer> port = port();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(port.get()),
                EmbeddedPostgresServer.ROLE, EmbeddedPostgresServer.passwordOf(new MotcuaHome(home)));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable((T) rs.getObject(1)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Stops a server a killed command left running (after each test: none is left behind). */
    public void stopServer() throws Exception {
        Optional<ProcessHandle> left = postmaster();
        if (left.isPresent()) {
            left.get().destroy();
            left.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }
}
