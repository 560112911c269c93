package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.db.EmbeddedPostgresServer;
import vn.motcua.report.db.MotcuaHome;

/**
 * An import killed with SIGKILL while it reads a large file, process by process on one MOTCUA_HOME, as a user
 * runs them: while it lives, another command leaves its import_batch row STARTED (its lock is held); once it is
 * dead, the next command marks the row INTERRUPTED, and nothing of the file is stored.
 * It starts JVMs: failsafe runs it in {@code mvn -B verify}.
 */
class ImportKillProcessIT {

    @TempDir
    Path tmp;

    private Path home;
    private int runs;

    @AfterEach
    void stopAnyServerLeft() throws IOException {
        postmaster().ifPresent(p -> {
            p.destroy();
            p.onExit().join();
        });
    }

    @Test
    void anImportKilledWhileReading_isLeftStartedWhileItLives_andMarkedInterruptedByTheNextCommand() throws Exception {
        home = tmp.resolve("home");
        Files.createDirectories(home);
        Path binaries = Path.of("target/process-test-pg-bin").toAbsolutePath();
        Files.createDirectories(binaries);
        Files.createSymbolicLink(home.resolve("pg-bin"), binaries);
        Path big = tmp.resolve("big.csv");
        try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write(ImportTestSupport.HEADINGS + "\n");
            for (int i = 0; i < 3_000_000; i++) {
                w.write("K" + i + ",dat-dai,P,direct,13/02/2021,,,,,,\n");
            }
        }

        Process a = startReading(big);
        assertThat(query("SELECT status FROM import_batch")).contains("STARTED");

        Done history = run("history");
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(a.isAlive()).isTrue();
        assertThat(query("SELECT status FROM import_batch")).as("a live import is never marked").contains("STARTED");

        a.destroyForcibly();   // SIGKILL
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(query("SELECT status FROM import_batch")).contains("STARTED");

        // The next command, whichever it is, marks it (the last command out stops the server: a second import,
        // still reading when the row is looked at, keeps it up).
        Done next = run("history");
        assertThat(next.exitCode()).as(next.err()).isZero();
        Process b = startReading(big);
        assertThat(query("SELECT string_agg(status, ',' ORDER BY id) FROM import_batch")).contains("INTERRUPTED,STARTED");
        assertThat(query("SELECT count(*) FROM dossier")).contains(0L);
        b.destroyForcibly();
        assertThat(b.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** An import of {@code file}, once it is reading it (its progress line shows). */
    private Process startReading(Path file) throws Exception {
        Path outputs = tmp.resolve("cmd" + (++runs));
        Process p = start(outputs, "import", "dossiers", file.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.readString(outputs.resolve("err.txt")).contains("rows read")) {
            assertThat(p.isAlive()).as("the import ended early: " + Files.readString(outputs.resolve("err.txt"))).isTrue();
            assertThat(System.nanoTime()).as("the import did not start reading").isLessThan(deadline);
            Thread.sleep(200);
        }
        return p;
    }

    /** What one command printed and returned. */
    record Done(int exitCode, String out, String err) {
    }

    private Process start(Path outputs, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "vn.motcua.report.MotcuaReportApplication"));
        command.addAll(List.of(args));
        Files.createDirectories(outputs);
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(outputs.resolve("out.txt").toFile()).redirectError(outputs.resolve("err.txt").toFile());
        pb.environment().put("MOTCUA_HOME", home.toString());
        pb.environment().put("MOTCUA_LANG", "en");
        pb.environment().remove("SPRING_DATASOURCE_URL");
        pb.environment().remove("MOTCUA_JOBS");
        return pb.start();
    }

    private Done run(String... args) throws Exception {
        Path outputs = tmp.resolve("cmd" + (++runs));
        Process p = start(outputs, args);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("command did not finish in 180 s");
        }
        return new Done(p.exitValue(), Files.readString(outputs.resolve("out.txt")), Files.readString(outputs.resolve("err.txt")));
    }

    /** The first column of the first row, on the server the commands share (left running by the killed one). */
    private Optional<Object> query(String sql) throws IOException {
        Optional<Integer> port = port();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(port.get()),
                EmbeddedPostgresServer.ROLE, EmbeddedPostgresServer.passwordOf(new MotcuaHome(home)));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getObject(1)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private Optional<Integer> port() throws IOException {
        Path pid = home.resolve("db/postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pid);
        return lines.size() < 4 ? Optional.empty() : Optional.of(Integer.parseInt(lines.get(3).trim()));
    }

    private Optional<ProcessHandle> postmaster() throws IOException {
        if (home == null || !Files.exists(home.resolve("db/postmaster.pid"))) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(home.resolve("db/postmaster.pid"));
        // Only a postgres process: the test never signals anything else.
        return lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    }
}
