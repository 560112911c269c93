package vn.motcua.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.Tmpfs;
import vn.motcua.report.system.Messages;

/**
 * Faults under the program as a user meets them, process by process on one MOTCUA_HOME: the embedded postmaster
 * killed (SIGKILL) during a run, then the server stopped (SIGSTOP) during another, and a command started while it
 * is stopped: each time one sentence naming the database and exit 1, within a minute; {@code restart} then gives
 * the table an uninterrupted run gives. The log is its owner's only (0600); on a full disk it cannot be
 * written, and the command still runs and says so in one sentence, with no stack trace.
 * Tagged "process": {@code mvn test -DexcludedGroups=process} skips it in the inner loop.
 */
class DatabaseFaultsProcessIT {

    private static final Pattern INTERNALS = Pattern.compile("Exception|java\\.|SQL|ERROR:|\\tat ");
    private static final String PERIOD = "2021-02";
    private static final String[] FIELDS = {"chung-thuc", "dat-dai", "moi-truong", "ho-tich", "bao-tro-xa-hoi"};

    @TempDir
    Path tmp;

    private Path home;
    private int commands;

    record Done(int exitCode, String out, String err) {
        void plain() {
            for (String line : (out + err).split("\n")) {
                assertThat(INTERNALS.matcher(line).find()).as("an internal shown: " + line).isFalse();
            }
        }
    }

    @AfterEach
    void noServerLeft() throws Exception {
        Optional<ProcessHandle> left = postmaster();
        if (left.isPresent()) {
            signalServer("CONT");
            left.get().destroy();
            left.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKilledOrStoppedPostmaster_isSaidInOneSentence_exitOne_andRestartGivesTheSameTable() throws Exception {
        newHome();
        Done imported = run(List.of(), "import", "dossiers", generate(tmp.resolve("dossiers.csv"), 60_000).toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String embedded = Messages.of(Locale.ENGLISH).text("fault.database.embedded", home.resolve("db"));
        assertThat(embedded).startsWith("the embedded database in " + home.resolve("db") + " does not answer");

        // SIGKILL during the run: the watch finds nothing listening, at once.
        Done killed = signalledDuringClassify("KILL", "run", "--period", PERIOD, "--cutoff-day", "25");
        assertThat(killed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(killed.err()).isEqualTo("motcua-report: " + embedded + "\n");
        killed.plain();

        Done restarted = run(List.of(), "restart", "--period", PERIOD);
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
        Done reference = run(List.of(), "rerun", "--period", PERIOD, "--reason", "reference: uninterrupted");
        assertThat(reference.exitCode()).as(reference.err()).isZero();
        assertThat(reference.out()).contains("No cell changed and no dossier moved");
        assertThat(table(2)).isEqualTo(table(1));

        // SIGSTOP to the whole server during the next (a server that hangs: the run's own statements wait too, and
        // only the watch can end it); the server is left stopped.
        Done stopped = signalledDuringClassify("STOP", "rerun", "--period", PERIOD, "--reason", "stopped");
        assertThat(stopped.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(stopped.err()).isEqualTo("motcua-report: " + embedded + "\n");
        stopped.plain();
        try {
            // A command started while it is still stopped: the server is there, and does not answer.
            Done meanwhile = run(List.of(), "history", "--period", PERIOD);
            assertThat(meanwhile.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(meanwhile.err()).isEqualTo("motcua-report: " + embedded + "\n");
            meanwhile.plain();
        } finally {
            signalServer("CONT");
        }
        Done resumed = run(List.of(), "restart", "--period", PERIOD);
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("revision 3");
        assertThat(table(3)).isEqualTo(table(1));

        Path log = home.resolve("logs/motcua-report.log");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(postmaster()).as("the last command out stopped the server").isEmpty();
    }

    @Test
    void aLogOnAFullDisk_isSaidInOneSentence_andTheCommandStillRuns() throws Exception {
        newHome();
        Path log = home.resolve("logs/motcua-report.log");
        try (Tmpfs logs = Tmpfs.mountOrSkip(home.resolve("logs"), "64k").fill()) {
            Done history = run(List.of(), "history");
            assertThat(history.exitCode()).isZero();
            assertThat(history.out()).contains("No report has been run yet.");
            assertThat(history.err()).isEqualTo("motcua-report: "
                    + Messages.of(Locale.ENGLISH).text("fault.log-unwritable", log) + "\n");
            history.plain();

            Done refused = run(List.of(), "restart", "--period", PERIOD);
            assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(refused.err().lines()).hasSize(2).last()
                    .isEqualTo("motcua-report: " + Messages.of(Locale.ENGLISH).text("fault.log-unwritable", log));
            refused.plain();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        }
        assertThat(postmaster()).isEmpty();
    }

    /**
     * Starts a command and sends the postmaster {@code signal} once the log shows the classify step started; the
     * command must end within a minute of it.
     */
    private Done signalledDuringClassify(String signal, String... args) throws Exception {
        Path log = home.resolve("logs/motcua-report.log");
        long before = classifyStarts(log);
        Path outputs = tmp.resolve("cmd" + (++commands));
        // Chunks of 100: classify commits hundreds of times, long enough to be caught in it.
        Process p = start(outputs, List.of("-Dmotcua.chunk-size=100"), args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (classifyStarts(log) == before) {
            assertThat(p.isAlive()).as("the command ended before classify: " + Files.readString(outputs.resolve("err.txt")))
                    .isTrue();
            assertThat(System.nanoTime()).as("classify started within 300 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        signalServer(signal);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not end within 60 s of SIG" + signal + " to the postmaster");
        }
        return new Done(p.exitValue(), Files.readString(outputs.resolve("out.txt")), Files.readString(outputs.resolve("err.txt")));
    }

    private static long classifyStarts(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("Executing step: [classify")).count();
        }
    }

    /** The revision's table as its CSV holds it. */
    private List<String> table(int revision) throws IOException {
        return Files.readAllLines(tmp.resolve("reports/" + PERIOD + "/bao-cao-" + PERIOD + "-r" + revision + ".csv"));
    }

    /** A fresh MOTCUA_HOME; the PostgreSQL binaries are unpacked once for all process tests. */
    private void newHome() throws IOException {
        home = tmp.resolve("home");
        Files.createDirectories(home);
        Path binaries = Path.of("target/process-test-pg-bin").toAbsolutePath();
        Files.createDirectories(binaries);
        Files.createSymbolicLink(home.resolve("pg-bin"), binaries);
    }

    /** Dossiers over Dec 2020..Feb 2021, deterministic; most in 2021-02's scope. */
    private static Path generate(Path file, int count) throws IOException {
        Random random = new Random(11);
        LocalDate base = LocalDate.of(2020, 12, 1);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,field,procedure,channel,received_at,due_at,finished_at,outcome,paused_from,paused_until,apology_at\n");
            for (int i = 0; i < count; i++) {
                LocalDate received = base.plusDays(random.nextInt(87));
                LocalDate due = received.plusDays(3 + random.nextInt(18));
                String end = random.nextInt(10) < 8 ? received.plusDays(random.nextInt(31)) + ",resolved" : ",";
                w.write("F" + i + "," + FIELDS[random.nextInt(FIELDS.length)] + ",P,direct," + received + "," + due + ","
                        + end + ",,,\n");
            }
        }
        return file;
    }

    private Done run(List<String> options, String... args) throws Exception {
        Path outputs = tmp.resolve("cmd" + (++commands));
        Process p = start(outputs, options, args);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not finish in 600 s");
        }
        return new Done(p.exitValue(), Files.readString(outputs.resolve("out.txt")), Files.readString(outputs.resolve("err.txt")));
    }

    private Process start(Path outputs, List<String> options, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.motcua.report.MotcuaReportApplication"));
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

    /** The postmaster of this home, only if it is a live postgres: the test never signals anything else. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        if (home == null) {
            return Optional.empty();
        }
        Path pid = home.resolve("db/postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pid);
        return lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    }

    /** Signals the postmaster and, but for SIGKILL (its children end on their own then), every process it started. */
    private void signalServer(String signal) throws Exception {
        ProcessHandle server = postmaster().orElseThrow();
        signal(signal, server.pid());
        if (!signal.equals("KILL")) {
            for (ProcessHandle child : server.children().toList()) {
                // A child may end meanwhile (a backend whose client is gone): nothing to signal then.
                new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor();
            }
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor())
                .as("kill -%s %d", signal, pid).isZero();
    }
}
