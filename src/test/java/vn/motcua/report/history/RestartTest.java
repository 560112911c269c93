package vn.motcua.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.revision.ExecutionHistory;
import vn.motcua.report.revision.ExecutionHistory.ExecutionRecord;
import vn.motcua.report.revision.ExecutionHistory.StepRecord;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.RevisionStatus;
import vn.motcua.report.revision.UnitRows;
import vn.motcua.report.system.Messages;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.ExecutionEnding;

/**
 * Fail-then-restart on the demo data (497 dossiers in 2021-02) with chunks of 10: a failure injected at
 * a chosen dossier, then {@code restart}; and executions left STARTED by a dead process versus a live one.
 */
// One classify thread, so "the n-th item" is well defined (partitioned restarts are ClassifyStepTest's).
@TestPropertySource(properties = {"motcua.chunk-size=" + RestartTest.CHUNK, "motcua.partitions=1"})
class RestartTest extends DatabaseTest {

    private static final String PERIOD = "2021-02";
    private static final PeriodName NAMED = PeriodName.parse(PERIOD);
    private static final int IN_SCOPE = 497;
    static final int CHUNK = 10;

    @Autowired
    RevisionRepository revisions;

    @Autowired
    ExecutionHistory history;

    @Autowired
    PeriodLock periodLock;

    @Autowired
    UnitRows units;

    @AfterEach
    void removeInjectedFailure() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_injected_failure ON report_row");
        jdbc.execute("DROP TRIGGER IF EXISTS test_injected_failure ON report_revision");
        jdbc.execute("DROP FUNCTION IF EXISTS test_injected_failure()");
    }

    private void importDemo() throws IOException {
        for (String kind : new String[] {"dossiers", "transfers"}) {
            Path f = tmp.resolve(kind + ".csv");
            try (InputStream in = getClass().getResourceAsStream("/demo/" + kind + ".csv")) {
                Files.copy(in, f);
            }
            Run imported = cli("import", kind, f.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
        }
    }

    /**
     * Makes the classify step fail in the chunk that holds the (k+1)-th dat-dai dossier: the database
     * refuses to add it to the revision's dat-dai row (whatever stores the per-dossier cells).
     * Returns how many items the chunks before it commit.
     */
    private int failWhenDatDaiExceeds(int k) {
        int item = jdbc.queryForObject("""
                SELECT n FROM (SELECT field_code, row_number() OVER (ORDER BY id) AS n FROM dossier
                                WHERE received_on <= DATE '2021-02-25'
                                  AND (finished_on IS NULL OR finished_on >= DATE '2021-01-26')) s
                 WHERE field_code = 'dat-dai' ORDER BY n OFFSET ? LIMIT 1""", Integer.class, k);
        jdbc.execute("""
                CREATE FUNCTION test_injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.field_code = 'dat-dai' AND NEW.total > %d THEN
                        RAISE EXCEPTION 'injected failure: dat-dai would count %%', NEW.total;
                    END IF;
                    RETURN NEW;
                END $$""".formatted(k));
        jdbc.execute("""
                CREATE TRIGGER test_injected_failure BEFORE UPDATE ON report_row
                FOR EACH ROW EXECUTE FUNCTION test_injected_failure()""");
        return (item - 1) / CHUNK * CHUNK;
    }

    @Test
    void failedRerun_restarts_atTheFirstUncommittedChunk_andGivesTheUninterruptedTable() throws Exception {
        importDemo();
        Run first = cli("run", "--period", PERIOD, "--out", tmp.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();

        int committed = failWhenDatDaiExceeds(100);
        assertThat(committed).as("the failure falls mid-step").isBetween(100, IN_SCOPE - CHUNK);
        Run failed = cli("rerun", "--period", PERIOD, "--reason", "test: corrected export", "--out", tmp.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        // The database's own text goes to the log, never to the terminal.
        assertThat(failed.err()).doesNotContain("injected failure").contains("details are in the log")
                .contains("restart --period " + PERIOD);
        assertThat(java.nio.file.Files.readString(ownFolder("test-home").resolve("logs/motcua-report.log")))
                .contains("injected failure: dat-dai would count");

        Revision r2 = revisions.find(NAMED, 2).orElseThrow();
        assertThat(r2.status()).isEqualTo(RevisionStatus.FAILED);
        assertThat(r2.reason()).isEqualTo("test: corrected export");
        ExecutionRecord failedExecution = history.executions(NAMED).get(0);
        assertThat(failedExecution.status()).isEqualTo(BatchStatus.FAILED);
        // history --json words the failure as the product does; Spring Batch's stack trace stays in the database.
        assertThat(failedExecution.exitMessage()).contains("Exception").contains("\tat org.springframework");
        assertThat(failedExecution.ending()).isEqualTo(ExecutionEnding.FAILED);
        for (java.util.Locale language : new java.util.Locale[] {Messages.VIETNAMESE, java.util.Locale.ENGLISH}) {
            Run json = cliIn(language, "history", "--period", PERIOD, "--json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            assertThat(json.out()).doesNotContain("Exception").doesNotContain("injected failure")
                    .doesNotContain("org.").doesNotContain("\\tat ").doesNotContain("java.");
            JsonNode newest = new ObjectMapper().readTree(json.out()).get(0);
            assertThat(newest.get("status").asText()).isEqualTo("FAILED");
            assertThat(newest.get("exitMessage").asText()).startsWith(language == java.util.Locale.ENGLISH
                    ? "a step failed because of an internal error; details are in the log "
                    : "một bước bị lỗi bên trong chương trình; chi tiết trong nhật ký ").endsWith("motcua-report.log");
            assertThat(newest.get("steps")).isNotEmpty();
        }
        StepRecord failedClassify = failedExecution.step("classify").orElseThrow();
        assertThat(failedClassify.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failedClassify.writeCount()).isEqualTo(committed);
        // Nothing of the failed chunk is visible: cells and rows hold exactly the committed chunks.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_dossier WHERE revision_id = ?", Long.class, r2.id()))
                .isEqualTo(committed);
        assertThat(jdbc.queryForObject("SELECT sum(total) FROM report_row WHERE revision_id = ?", Long.class, r2.id()))
                .isEqualTo(committed);

        // explain can look at the failed revision, and says it is not a finished report.
        Run partial = cli("explain", "--period", PERIOD, "--revision", "2", "--field", "TOTAL", "--column", "total");
        assertThat(partial.out()).contains(committed + " dossiers (the table says " + committed + ")");
        assertThat(partial.err()).contains("did not complete (status FAILED)");

        // A new run is refused and points to restart.
        Run runAgain = cli("run", "--period", PERIOD);
        assertThat(runAgain.exitCode()).isEqualTo(2);
        assertThat(runAgain.err()).contains(PERIOD + " revision 2 did not complete (status FAILED):"
                + " resume it with restart --period " + PERIOD);
        // ... and so is a correction of it, in the same words.
        Run rerunAgain = cli("rerun", "--period", PERIOD, "--reason", "again");
        assertThat(rerunAgain.exitCode()).isEqualTo(2);
        assertThat(rerunAgain.err()).contains(PERIOD + " revision 2 did not complete (status FAILED):"
                + " resume it first with: restart --period " + PERIOD);

        removeInjectedFailure();
        Run restarted = cli("restart", "--period", PERIOD);
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(restarted.out()).contains("Restarted").contains("revision 2");

        ExecutionRecord resumed = history.executions(NAMED).get(0);
        assertThat(resumed.executionId()).isGreaterThan(failedExecution.executionId());
        assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
        StepRecord classify = resumed.step("classify").orElseThrow();
        assertThat(classify.readCount()).as("read only what was not committed").isEqualTo(IN_SCOPE - committed);
        assertThat(classify.writeCount()).isEqualTo(IN_SCOPE - committed);
        assertThat(resumed.step("openRevision")).as("completed steps are not run again").isEmpty();
        // Restart reused the failed execution's parameters, the output folder included.
        assertThat(tmp.resolve("2021-02/bao-cao-2021-02-r2.csv")).exists();

        assertSameTable(revisions.find(NAMED, 1).orElseThrow(), revisions.find(NAMED, 2).orElseThrow());
        assertThat(revisions.find(NAMED, 2).orElseThrow().completed()).isTrue();
    }

    @Test
    void executionLeftStartedByADeadProcess_isRecoveredAndResumed() throws Exception {
        importDemo();
        Run reference = cli("run", "--period", PERIOD, "--out", tmp.toString());
        assertThat(reference.exitCode()).isZero();
        int committed = failWhenDatDaiExceeds(40);
        assertThat(cli("rerun", "--period", PERIOD, "--reason", "x", "--out", tmp.toString()).exitCode()).isEqualTo(1);
        removeInjectedFailure();
        // What a kill -9 leaves: the job and its step STARTED with no end, the revision RUNNING.
        long execution = history.executions(NAMED).get(0).executionId();
        simulateKilledProcess(execution);

        Run run = cli("run", "--period", PERIOD);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("interrupted").contains("restart --period " + PERIOD);

        Run restarted = cli("restart", "--period", PERIOD, "--out", tmp.resolve("again").toString());
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
                String.class, execution)).as("the dead execution, recovered").isEqualTo("FAILED");
        StepRecord classify = history.executions(NAMED).get(0).step("classify").orElseThrow();
        assertThat(classify.readCount()).isEqualTo(IN_SCOPE - committed);
        assertThat(tmp.resolve("again/2021-02/bao-cao-2021-02-r2.csv")).exists();
        assertSameTable(revisions.find(NAMED, 1).orElseThrow(), revisions.find(NAMED, 2).orElseThrow());
    }

    @Test
    void liveExecution_isNeverTouched_andASecondRunIsRefusedWithWhoHoldsIt() throws Exception {
        importDemo();
        assertThat(cli("run", "--period", PERIOD, "--out", tmp.toString()).exitCode()).isZero();
        failWhenDatDaiExceeds(20);
        assertThat(cli("rerun", "--period", PERIOD, "--reason", "x", "--out", tmp.toString()).exitCode()).isEqualTo(1);
        removeInjectedFailure();
        long execution = history.executions(NAMED).get(0).executionId();
        simulateKilledProcess(execution);
        // ... but this time its process is alive: it holds the period's lock.
        Optional<PeriodLock.Held> held = periodLock.tryLock(NAMED);
        assertThat(held).isPresent();
        try (PeriodLock.Held lock = held.get()) {
            for (String[] command : new String[][] {{"restart", "--period", PERIOD},
                    {"run", "--period", PERIOD}, {"rerun", "--period", PERIOD, "--reason", "x"}}) {
                Run refused = cli(command);
                assertThat(refused.exitCode()).as(String.join(" ", command)).isEqualTo(2);
                assertThat(refused.err()).contains("being reported right now by execution " + execution)
                        .contains("revision 2").contains("running since").contains("on host ")
                        .contains("PID " + ProcessHandle.current().pid());
            }
            assertThat(periodLock.tryLock(NAMED)).as("only one holder at a time").isEmpty();
            assertThat(jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
                    String.class, execution)).isEqualTo("STARTED");
            // Reading is never blocked.
            Run historyRun = cli("history", "--period", PERIOD);
            assertThat(historyRun.exitCode()).isZero();
            assertThat(historyRun.out()).contains("STARTED");
        }
        assertThat(cli("restart", "--period", PERIOD).exitCode()).isZero();
    }

    @Test
    void runKilledBeforeItsRevisionRowWasWritten_isStillFoundAndResumed() throws Exception {
        importDemo();
        jdbc.execute("""
                CREATE FUNCTION test_injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'injected failure before the revision row';
                END $$""");
        // The run reserves its revision before the job starts; the job's first step records it as its own.
        jdbc.execute("CREATE TRIGGER test_injected_failure BEFORE UPDATE ON report_revision"
                + " FOR EACH ROW EXECUTE FUNCTION test_injected_failure()");
        assertThat(cli("run", "--period", PERIOD, "--out", tmp.toString()).exitCode()).isEqualTo(1);
        assertThat(revisions.find(NAMED, 1).orElseThrow().jobExecutionId()).as("not written by the job").isNull();
        long execution = history.executions(NAMED).get(0).executionId();
        simulateKilledProcess(execution);
        removeInjectedFailure();

        Run run = cli("run", "--period", PERIOD);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("did not complete (execution " + execution + ", STARTED)")
                .contains("restart --period " + PERIOD);
        Run restarted = cli("restart", "--period", PERIOD);
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        Revision r1 = revisions.find(NAMED, 1).orElseThrow();
        assertThat(r1.completed()).isTrue();
        assertThat(revisions.table(r1).total().get(vn.motcua.report.classify.Counter.TOTAL)).isEqualTo(IN_SCOPE);
    }

    /**
     * A period never stays stuck. The data of a dossier the interrupted run had already counted
     * changes before the restart, so the resumed run's checks fail: resuming again cannot help, so restart
     * abandons the execution and says to make a new revision, and rerun does.
     */
    @Test
    void restartThatCannotHelp_abandonsTheExecution_andRerunMakesANewRevision() throws Exception {
        importDemo();
        assertThat(cli("run", "--period", PERIOD, "--out", tmp.toString()).exitCode()).isZero();
        failWhenDatDaiExceeds(100);
        assertThat(cli("rerun", "--period", PERIOD, "--reason", "x", "--out", tmp.toString()).exitCode()).isEqualTo(1);
        removeInjectedFailure();
        // The first dat-dai dossier in scope was in a committed chunk; it now belongs to another field.
        jdbc.update("""
                UPDATE dossier SET field_code = 'ho-tich', updated_at = now()
                 WHERE id = (SELECT min(id) FROM dossier WHERE field_code = 'dat-dai' AND received_on <= DATE '2021-02-25'
                               AND (finished_on IS NULL OR finished_on >= DATE '2021-01-26'))""");

        Run restarted = cli("restart", "--period", PERIOD, "--out", tmp.toString());
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isEqualTo(2);
        assertThat(restarted.err()).contains("revision 2 cannot be resumed").contains("failed again in step check")
                .contains("rerun --period " + PERIOD).doesNotContain("SQL").doesNotContain("Exception");
        Run again = cli("restart", "--period", PERIOD);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("was abandoned").contains("rerun --period " + PERIOD);

        Run rerun = cli("rerun", "--period", PERIOD, "--reason", "after the abandoned revision 2", "--out", tmp.toString());
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("revision 3").contains("Revision 3 corrects revision 1");
        Revision r3 = revisions.find(NAMED, 3).orElseThrow();
        assertThat(r3.completed()).isTrue();
        assertThat(revisions.find(NAMED, 2).orElseThrow().status()).isEqualTo(RevisionStatus.FAILED);
        assertThat(revisions.table(r3).total().get(vn.motcua.report.classify.Counter.TOTAL)).isEqualTo(IN_SCOPE);
    }

    private void simulateKilledProcess(long execution) {
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL"
                + " WHERE job_execution_id = ?", execution);
        jdbc.update("UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL"
                + " WHERE job_execution_id = ? AND status = 'FAILED'", execution);
        jdbc.update("UPDATE report_revision SET status = 'RUNNING' WHERE job_execution_id = ?", execution);
    }

    private void assertSameTable(Revision a, Revision b) {
        ReportTable ta = revisions.table(a);
        ReportTable tb = revisions.table(b);
        assertThat(tb.rows()).hasSameSizeAs(ta.rows());
        for (int i = 0; i < ta.rows().size(); i++) {
            assertThat(tb.rows().get(i).counts()).as(ta.rows().get(i).field()).isEqualTo(ta.rows().get(i).counts());
        }
        assertThat(tb.total().get(vn.motcua.report.classify.Counter.TOTAL)).isEqualTo(IN_SCOPE);
        // The same table by unit: a restart resumes the classify step's sums by unit with its committed chunks.
        ReportTable ua = units.table(a);
        ReportTable ub = units.table(b);
        assertThat(ub.rows()).as("units").hasSameSizeAs(ua.rows()).hasSizeGreaterThan(1);
        for (int i = 0; i < ua.rows().size(); i++) {
            assertThat(ub.rows().get(i).field()).isEqualTo(ua.rows().get(i).field());
            assertThat(ub.rows().get(i).counts()).as("unit " + ua.rows().get(i).field()).isEqualTo(ua.rows().get(i).counts());
        }
        // The same dossiers in the same cells.
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM report_dossier x FULL JOIN report_dossier y
                    ON y.dossier_id = x.dossier_id AND y.revision_id = ?
                 WHERE x.revision_id = ? AND (y.dossier_id IS NULL OR (x.field_code, x.intake, x.result, x.outcome, x.apology)
                       IS DISTINCT FROM (y.field_code, y.intake, y.result, y.outcome, y.apology))""",
                Long.class, b.id(), a.id())).isZero();
    }
}
