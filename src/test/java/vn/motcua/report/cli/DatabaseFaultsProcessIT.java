package vn.motcua.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.ProcessHome;
import vn.motcua.report.ProcessHome.Done;
import vn.motcua.report.ProcessHome.Started;
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

    private ProcessHome processes;
    private Path home;

    /** No line of what the command printed shows an internal. */
    private static void plain(Done done) {
        for (String line : (done.out() + done.err()).split("\n")) {
            assertThat(INTERNALS.matcher(line).find()).as("an internal shown: " + line).isFalse();
        }
    }

    @AfterEach
    void noServerLeft() throws Exception {
        if (processes != null && processes.postmaster().isPresent()) {
            signalServer("CONT");
            processes.stopServer();
        }
    }

    @Test
    void aKilledOrStoppedPostmaster_isSaidInOneSentence_exitOne_andRestartGivesTheSameTable() throws Exception {
        newHome();
        Done imported = run(List.of(), "import", "dossiers", generate(tmp.resolve("dossiers.csv"), 20_000).toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String embedded = Messages.of(Locale.ENGLISH).text("fault.database.embedded", home.resolve("db"));
        assertThat(embedded).startsWith("the embedded database in " + home.resolve("db") + " does not answer");

        // SIGKILL during the run: the watch finds nothing listening, at once.
        Done killed = signalledDuringClassify("KILL", "run", "--period", PERIOD, "--cutoff-day", "25");
        assertThat(killed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(killed.err()).isEqualTo("motcua-report: " + embedded + "\n");
        plain(killed);

        Done restarted = run(List.of(), "restart", "--period", PERIOD);
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err() + processes.logTail()).isZero();
        Done reference = run(List.of(), "rerun", "--period", PERIOD, "--reason", "reference: uninterrupted");
        assertThat(reference.exitCode()).as(reference.err()).isZero();
        assertThat(reference.out()).contains("No cell changed and no dossier moved");
        assertThat(table(2)).isEqualTo(table(1));

        // SIGSTOP to the whole server during the next (a server that hangs: the run's own statements wait too, and
        // only the watch can end it); the server is left stopped.
        Done stopped = signalledDuringClassify("STOP", "rerun", "--period", PERIOD, "--reason", "stopped");
        assertThat(stopped.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(stopped.err()).isEqualTo("motcua-report: " + embedded + "\n");
        plain(stopped);
        try {
            // A command started while it is still stopped: the server is there, and does not answer.
            Done meanwhile = run(List.of(), "history", "--period", PERIOD);
            assertThat(meanwhile.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(meanwhile.err()).isEqualTo("motcua-report: " + embedded + "\n");
            plain(meanwhile);
        } finally {
            signalServer("CONT");
        }
        Done resumed = run(List.of(), "restart", "--period", PERIOD);
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err() + processes.logTail()).isZero();
        assertThat(resumed.out()).contains("revision 3");
        assertThat(table(3)).isEqualTo(table(1));

        Path log = home.resolve("logs/motcua-report.log");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(processes.postmaster()).as("the last command out stopped the server").isEmpty();
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
            plain(history);

            Done refused = run(List.of(), "restart", "--period", PERIOD);
            assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(refused.err().lines()).hasSize(2).last()
                    .isEqualTo("motcua-report: " + Messages.of(Locale.ENGLISH).text("fault.log-unwritable", log));
            plain(refused);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        }
        assertThat(processes.postmaster()).isEmpty();
    }

    /**
     * Starts a command and sends the postmaster {@code signal} once the log shows the classify step started; the
     * command must end within a minute of it.
     */
    private Done signalledDuringClassify(String signal, String... args) throws Exception {
        Path log = home.resolve("logs/motcua-report.log");
        long before = classifyStarts(log);
        // Chunks of 50: classify commits hundreds of times, long enough to be caught in it.
        Started p = processes.start(withPatience(List.of("-Dmotcua.chunk-size=50")), args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (classifyStarts(log) == before) {
            assertThat(p.process().isAlive()).as("the command ended before classify: " + p.err()).isTrue();
            assertThat(System.nanoTime()).as("classify started within 300 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        signalServer(signal);
        // Within a minute of the signal: the watch ends the command, it does not hang on the database.
        return p.finish(Duration.ofSeconds(60));
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
        processes = ProcessHome.in(tmp);
        home = processes.home();
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
        return processes.run(withPatience(options), args);
    }

    /** The watch's patience here ({@code motcua.database-patience}; 20 s by default): a stopped server is told sooner. */
    private static List<String> withPatience(List<String> options) {
        List<String> all = new java.util.ArrayList<>(options);
        all.add("-Dmotcua.database-patience=8s");
        return all;
    }

    /** Signals the postmaster and, but for SIGKILL (its children end on their own then), every process it started. */
    private void signalServer(String signal) throws Exception {
        ProcessHandle server = processes.postmaster().orElseThrow();
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
