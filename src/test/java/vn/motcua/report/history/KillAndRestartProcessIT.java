package vn.motcua.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.report.ProcessHome;
import vn.motcua.report.ProcessHome.Done;
import vn.motcua.report.ProcessHome.Started;

/**
 * The real thing, process by process on one MOTCUA_HOME: a run killed with SIGKILL in the middle of
 * classify, commands started while it works (history reads, a second run is refused with who holds
 * the period), then {@code restart}: the table equals an uninterrupted run's and the restarted step
 * read only what had not been committed. The embedded server left by the killed process is reused,
 * and the last command out stops it; two commands starting at once share one server.
 * An integration test (run by {@code mvn verify}, after the jar is built): it starts JVMs.
 */
class KillAndRestartProcessIT {

    private static final String PERIOD = "2021-02";
    private static final String[] FIELDS = {"chung-thuc", "dat-dai", "moi-truong", "ho-tich", "bao-tro-xa-hoi",
            "hoat-dong-xay-dung", "che-do-bhxh"};
    private static final String[] CHANNELS = {"direct", "online", "postal"};

    @TempDir
    Path tmp;

    private ProcessHome home;

    @AfterEach
    void stopAnyServerLeft() throws Exception {
        if (home != null) {
            home.stopServer();
        }
    }

    /** A fresh MOTCUA_HOME; the PostgreSQL binaries are unpacked once for all runs of these tests. */
    private void newHome() throws IOException {
        home = ProcessHome.in(tmp);
    }

    /** The seed's table (2021-02, cutoff 25), as the terminal prints its total row. */
    private static final String SEED_TOTAL = "TOTAL 497 48 449 467 459 8 30 29 1";

    /**
     * kill -9 (a halt, as the test-only {@link HaltingApplication} makes) at every point of a run, then
     * {@code restart}: exit 0 and the seed's exact table each time. Before the job instance exists, while the partitions are cut, in
     * classify, in check, in the document step, after the last step, after the job (before its revision
     * is marked), and once the revision is completed (nothing to restart); and a run killed in classify with one partition of 300-dossier chunks, restarted with the
     * default settings (two partitions of 10,000), which resumes the run's own partitions and chunks.
     */
    @Test
    void killedAtEveryPoint_restartFinishesIt_withTheSeedTable() throws Exception {
        newHome();
        Path dossiers = tmp.resolve("demo-dossiers.csv");
        try (var in = KillAndRestartProcessIT.class.getResourceAsStream("/demo/dossiers.csv")) {
            Files.copy(in, dossiers);
        }
        Done imported = run(List.of(), "import", "dossiers", dossiers.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        // Killed after the last step: run refuses and points to restart, which finishes it (rerun's refusal is the
        // same check, shown below after the other points that leave work for restart).
        Done killed = killedAt("after-last-step", List.of(), "run", "--period", PERIOD);
        assertThat(killed.exitCode()).as("halted: " + killed.err()).isEqualTo(HALTED);
        Done again = run(List.of(), "run", "--period", PERIOD);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(2);
        assertThat(again.err()).contains("restart --period " + PERIOD).doesNotContain("already has a completed report");
        restartsToTheSeedTable(1);

        int revision = 1;
        for (String point : List.of("before-job", "partition-cut", "classify", "check", "document", "after-job")) {
            revision++;
            Done k = killedAt(point, List.of(), "rerun", "--period", PERIOD, "--reason", "killed at " + point);
            assertThat(k.exitCode()).as(point + ": " + k.err()).isEqualTo(HALTED);
            if (point.startsWith("before") || point.startsWith("after")) {
                Done refused = run(List.of(), "rerun", "--period", PERIOD, "--reason", "again");
                assertThat(refused.exitCode()).as(point + ": " + refused.err()).isEqualTo(2);
                assertThat(refused.err()).as(point).contains("restart --period " + PERIOD);
            }
            restartsToTheSeedTable(revision);
        }

        // Other tuning at the kill than at the restart: the restart keeps the killed run's own.
        revision++;
        Done tuned = killedAt("classify", List.of("-Dmotcua.partitions=1", "-Dmotcua.chunk-size=300"),
                "rerun", "--period", PERIOD, "--reason", "one partition, chunks of 300");
        assertThat(tuned.exitCode()).as(tuned.err()).isEqualTo(HALTED);
        restartsToTheSeedTable(revision);

        JsonNode executions = new ObjectMapper().readTree(run(List.of(), "history", "--period", PERIOD, "--json").out());
        for (int r = 1; r <= revision; r++) {
            int rev = r;
            JsonNode newest = null;
            for (JsonNode e : executions) {
                if (e.get("revision").asInt() == rev) {
                    newest = e;
                    break;
                }
            }
            assertThat(newest).as("revision %d has an execution", rev).isNotNull();
            assertThat(newest.get("status").asText()).as("revision %d", rev).isEqualTo("COMPLETED");
        }
        JsonNode resumed = executions.get(0);
        assertThat(resumed.get("revision").asInt()).isEqualTo(revision);
        assertThat(classify(resumed, "readCount")).as("the restart read what the first chunk of 300 left")
                .isLessThan(575 - 300 + 1).isPositive();
        List<String> steps = new ArrayList<>();
        resumed.get("steps").forEach(st -> steps.add(st.get("name").asText()));
        assertThat(steps).as("one partition, as the killed run had").contains("classify")
                .containsOnlyOnce("classifyPartition:ids0").doesNotContain("classifyPartition:ids1");

        // Killed once the revision completed with its execution: nothing is left to restart, and a rerun goes on.
        revision++;
        Done done = killedAt("after-revision", List.of(), "rerun", "--period", PERIOD, "--reason", "killed at the end");
        assertThat(done.exitCode()).as(done.err()).isEqualTo(HALTED);
        Done nothingLeft = run(List.of(), "restart", "--period", PERIOD);
        assertThat(nothingLeft.exitCode()).as(nothingLeft.out() + nothingLeft.err()).isEqualTo(2);
        assertThat(nothingLeft.err()).contains("revision " + revision);
        JsonNode last = new ObjectMapper().readTree(run(List.of(), "history", "--period", PERIOD, "--json").out()).get(0);
        assertThat(last.get("revision").asInt()).isEqualTo(revision);
        assertThat(last.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(postmaster()).isEmpty();
    }

    private static final int HALTED = HaltingApplication.HALTED;

    /** {@code restart} (with the default settings) exits 0 and prints the revision and the seed's total row. */
    private void restartsToTheSeedTable(int revision) throws Exception {
        Done restarted = run(List.of(), "restart", "--period", PERIOD);
        assertThat(restarted.exitCode()).as("revision " + revision + ": " + restarted.out() + restarted.err()).isZero();
        assertThat(restarted.out().lines().map(l -> l.strip().replaceAll("\\s+", " ")))
                .as("revision " + revision).contains(SEED_TOTAL);
        assertThat(restarted.out()).contains("revision " + revision);
    }

    @Test
    void killedRun_restarts_toTheUninterruptedTable_whileOtherCommandsShareTheServer() throws Exception {
        newHome();

        Path data = generate(tmp.resolve("dossiers.csv"), 5_000);
        Done imported = run("import", "dossiers", data.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(postmaster()).as("the last command out stops the server").isEmpty();

        // A: the run to kill, with chunks of 5, held in classify once 20 chunks are committed (the others use the default).
        Process a = home.start(List.of("-Dmotcua.chunk-size=5"), List.of(HaltingApplication.class.getName(),
                "held-in-classify"), "run", "--period", PERIOD, "--out", tmp.resolve("out").toString()).process();
        long committedBeforeOthers = waitForClassifyCommits(a, 20);
        assertThat(committedBeforeOthers).isEqualTo(20);

        // While A works: history reads the same database, a second run is refused and names A.
        Started history = start("history", "--period", PERIOD, "--json");
        Started secondRun = start("run", "--period", PERIOD);
        Done h = history.finish();
        Done second = secondRun.finish();
        assertThat(h.exitCode()).as(h.err()).isZero();
        JsonNode seen = new ObjectMapper().readTree(h.out());
        assertThat(seen.get(0).get("status").asText()).isEqualTo("STARTED");
        assertThat(seen.get(0).get("pid").asLong()).isEqualTo(a.pid());
        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(2);
        assertThat(second.err()).contains("is being reported right now by execution " + seen.get(0).get("executionId").asLong())
                .contains("running since").contains("on host").contains("PID " + a.pid());
        assertThat(a.isAlive()).as("the others ended without pulling the server from under A").isTrue();
        assertThat(classifyStatus()).isEqualTo("STARTED");

        a.destroyForcibly(); // SIGKILL
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(postmaster()).as("the killed process left its server running").isPresent();

        // One command brings the report back; the leftover server is reused, then stopped by the last one out.
        Done restarted = run("restart", "--period", PERIOD);
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
        assertThat(restarted.out()).contains("Restarted").contains("TOTAL");
        assertThat(postmaster()).isEmpty();

        Done reference = run("rerun", "--period", PERIOD, "--reason", "reference: uninterrupted run",
                "--out", tmp.resolve("out").toString());
        assertThat(reference.exitCode()).as(reference.err()).isZero();
        assertThat(reference.out()).contains("No cell changed and no dossier moved");
        List<String> r1 = Files.readAllLines(tmp.resolve("out/2021-02/bao-cao-2021-02-r1.csv"));
        List<String> r2 = Files.readAllLines(tmp.resolve("out/2021-02/bao-cao-2021-02-r2.csv"));
        assertThat(r1).hasSize(20).isEqualTo(r2);

        Done json = run("history", "--period", PERIOD, "--json");
        JsonNode executions = new ObjectMapper().readTree(json.out());
        assertThat(executions).hasSize(3);
        JsonNode uninterrupted = executions.get(0);
        JsonNode resumed = executions.get(1);
        JsonNode killed = executions.get(2);
        assertThat(killed.get("status").asText()).as("recovered as failed").isEqualTo("FAILED");
        assertThat(resumed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(resumed.get("revision").asInt()).isEqualTo(1);
        long inScope = classify(uninterrupted, "readCount");
        long committed = classify(killed, "writeCount");
        assertThat(committed).as("the 20 chunks of 5 committed before it was held").isPositive()
                .isLessThanOrEqualTo(5 * committedBeforeOthers);
        assertThat(classify(resumed, "readCount"))
                .as("the restart read only what was not committed before the kill").isEqualTo(inScope - committed);
        assertThat(classify(resumed, "writeCount")).isEqualTo(inScope - committed);

        // Two commands starting at once with no server: both reach the one they start together.
        Started x = start("history");
        Started y = start("history", "--json");
        assertThat(x.finish().exitCode()).isZero();
        assertThat(y.finish().exitCode()).isZero();
        assertThat(postmaster()).isEmpty();

        // A postmaster.pid left by a server that died with its machine, its PID now another process's.
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            Path db = home.home().resolve("db");
            Files.writeString(db.resolve("postmaster.pid"), other.pid() + "\n" + db + "\n1\n5499\n");
            Done afterPowerCut = run("history", "--period", PERIOD);
            assertThat(afterPowerCut.exitCode()).as(afterPowerCut.err()).isZero();
            assertThat(afterPowerCut.out()).contains("COMPLETED");
            assertThat(other.isAlive()).as("the unrelated process is left alone").isTrue();
        } finally {
            other.destroy();
        }
        assertThat(postmaster()).isEmpty();
    }

    /**
     * A count of the classify step, summed over its partitions (steps "classifyPartition:ids0", …) when
     * it is partitioned (the default), else of the step itself.
     */
    private static long classify(JsonNode execution, String count) {
        long workers = 0;
        boolean partitioned = false;
        long single = 0;
        for (JsonNode s : execution.get("steps")) {
            String name = s.get("name").asText();
            if (name.startsWith("classify") && !name.equals("classify")) {
                partitioned = true;
                workers += s.get(count).asLong();
            } else if (name.equals("classify")) {
                single = s.get(count).asLong();
            }
        }
        return partitioned ? workers : single;
    }

    /** Dossiers over Dec 2020..Feb 2021, deterministic; most in 2021-02's scope. */
    private static Path generate(Path file, int count) throws IOException {
        Random random = new Random(7);
        LocalDate base = LocalDate.of(2020, 12, 1);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,field,procedure,channel,received_at,due_at,finished_at,outcome,paused_from,paused_until,apology_at\n");
            for (int i = 0; i < count; i++) {
                LocalDate received = base.plusDays(random.nextInt(87));
                LocalDate due = received.plusDays(3 + random.nextInt(18));
                boolean finished = random.nextInt(10) < 8;
                String end = finished ? received.plusDays(random.nextInt(31)) + ",resolved" : ",";
                w.write("K" + i + "," + FIELDS[random.nextInt(FIELDS.length)] + ",P," + CHANNELS[random.nextInt(3)] + ","
                        + received + "," + due + "," + end + ",,,\n");
            }
        }
        return file;
    }

    /** The command, with chunks of 1000 (a test's own choice: the others use the default). */
    private Started start(String... args) throws IOException {
        return start(1000, args);
    }

    private Started start(int chunkSize, String... args) throws IOException {
        return home.start(List.of("-Dmotcua.chunk-size=" + chunkSize), args);
    }

    private Done run(String... args) throws Exception {
        return start(args).finish();
    }

    /** A command with these JVM options only (no chunk size: the defaults). */
    private Done run(List<String> options, String... args) throws Exception {
        return home.run(options, args);
    }

    /** A command whose JVM halts at {@code point} of the report job ({@link HaltingApplication}). */
    private Done killedAt(String point, List<String> options, String... args) throws Exception {
        return home.start(options, List.of(HaltingApplication.class.getName(), point), args).finish();
    }

    /** Waits until A's classify step has committed at least {@code chunks} chunks; returns how many it had. */
    private long waitForClassifyCommits(Process a, long chunks) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(a.isAlive()).as("run A ended early").isTrue();
            // Summed over the classify step's partitions, if it has some.
            Optional<Long> commits = query("SELECT sum(commit_count)::bigint FROM batch_step_execution"
                    + " WHERE step_name LIKE 'classify%' AND status = 'STARTED' HAVING count(*) > 0");
            if (commits.isPresent() && commits.get() >= chunks) {
                return commits.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("classify did not start within 180 s");
    }

    private String classifyStatus() throws Exception {
        return query("SELECT status FROM batch_step_execution WHERE step_name LIKE 'classify%'"
                + " ORDER BY step_execution_id DESC LIMIT 1").map(Object::toString).orElse("none");
    }

    private <T> Optional<T> query(String sql) throws IOException {
        return home.query(sql);
    }

    private Optional<ProcessHandle> postmaster() throws IOException {
        return home.postmaster();
    }
}
