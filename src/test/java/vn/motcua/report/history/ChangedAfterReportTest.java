package vn.motcua.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.RevisionStatus;
import vn.motcua.report.system.Messages;
import vn.motcua.report.period.PeriodName;

/**
 * A report whose dossiers an import changed after the report read them: flagged in history, explain, the import's
 * summary, and refused by sign-off unless accepted; whenever the import committed (after the run, between two of
 * its steps, or begun before the run and committed after its first read). An import that changes the counts while
 * the job runs fails it with one sentence, and rerun makes the revision again.
 */
class ChangedAfterReportTest extends DatabaseTest {

    // Period 2021-03, cutoff 25: S = 26/02/2021, E = 25/03/2021 (RerunAndExplainTest's set). In revision 1:
    // dat-dai A1..A5 (total 5; resolved A1, A2, A3, A3 late; pending A4 overdue, A5 not yet due), ho-tich B1 (withdrawn).
    private static final String HEADER =
            "code,field,procedure,channel,received_at,due_at,finished_at,outcome,paused_from,paused_until,apology_at\n";
    private static final String MARCH = HEADER + """
            A1,dat-dai,Cấp GCN,direct,2021-02-20,2021-03-05,2021-03-04,resolved,,,
            A2,dat-dai,Cấp GCN,online,2021-03-01,2021-03-10,2021-03-10,resolved,,,
            A3,dat-dai,Cấp GCN,postal,2021-03-02,2021-03-10,2021-03-12,resolved,,,2021-03-11
            A4,dat-dai,Cấp GCN,direct,2021-03-03,2021-03-20,,,,,
            A5,dat-dai,Cấp GCN,direct,2021-03-03,2021-03-30,,,,,
            B1,ho-tich,Đăng ký khai sinh,direct,2021-03-10,2021-03-12,2021-03-15,withdrawn,,,
            """;
    // Two dossiers corrected: A4 was resolved late on 22/03 (dat-dai late 1 -> 2), A5 belongs to ho-tich. A1 is
    // in the file as it was: unchanged, so not counted as changed.
    private static final String CORRECTION = HEADER + """
            A1,dat-dai,Cấp GCN,direct,2021-02-20,2021-03-05,2021-03-04,resolved,,,
            A4,dat-dai,Cấp GCN,direct,2021-03-03,2021-03-20,2021-03-22,resolved,,,
            A5,ho-tich,Đăng ký khai sinh,direct,2021-03-03,2021-03-30,,,,,
            """;

    /** Run once right after the classify step, or the check step, of the next report job, then forgotten. */
    static final AtomicReference<Runnable> AFTER_CLASSIFY = new AtomicReference<>();
    static final AtomicReference<Runnable> AFTER_CHECK = new AtomicReference<>();

    /** The report job's classify and check steps, each followed by its hook, if one is set. */
    @TestConfiguration
    static class StepHooks {
        @Bean
        static BeanPostProcessor hookedSteps() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof Step step && name.equals("classify")) {
                        return new Hooked(step, AFTER_CLASSIFY);
                    }
                    if (bean instanceof Step step && name.equals("check")) {
                        return new Hooked(step, AFTER_CHECK);
                    }
                    return bean;
                }
            };
        }
    }

    record Hooked(Step step, AtomicReference<Runnable> hook) implements Step {
        @Override
        public String getName() {
            return step.getName();
        }

        @Override
        public boolean isAllowStartIfComplete() {
            return step.isAllowStartIfComplete();
        }

        @Override
        public int getStartLimit() {
            return step.getStartLimit();
        }

        @Override
        public void execute(StepExecution execution) throws JobInterruptedException {
            step.execute(execution);
            Runnable then = hook.getAndSet(null);
            if (then != null) {
                // Another thread, as another command would: its import job runs and commits on its own.
                CompletableFuture.runAsync(then).join();
            }
        }
    }

    @Autowired
    ChangedDossiers changed;
    @Autowired
    RevisionRepository revisions;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void march() throws Exception {
        assertThat(cli("import", "dossiers", file("march.csv", MARCH).toString()).exitCode()).isZero();
    }

    @AfterEach
    void noHookLeft() {
        AFTER_CLASSIFY.set(null);
        AFTER_CHECK.set(null);
    }

    private Run run() {
        return cli("run", "--period", "2021-03", "--out", tmp.toString());
    }

    private Run importCorrection() throws Exception {
        return cli("import", "dossiers", file("fix.csv", CORRECTION).toString());
    }

    private String[] signOff(String... extra) {
        String[] base = {"sign-off", "--period", "2021-03", "--signer", "Nguyễn Văn A", "--position", "GIÁM ĐỐC",
                "--allow-blank", "--out", tmp.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void correctionAfterTheRun_isChangedSince_inHistoryExplainTheImport_andSignOffRefusesUnlessAccepted() throws Exception {
        Run run = run();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(changed.count("2021-03", 1)).isZero();
        assertThat(cli("history", "--period", "2021-03").out()).doesNotContain("changed after the report was made");

        Run fix = importCorrection();
        assertThat(fix.exitCode()).as(fix.err()).isZero();
        assertThat(fix.out()).contains("3 rows, 0 added, 2 changed, 1 unchanged")
                .contains("2021-03 revision 1: 2 dossiers changed after the report was made; a corrected report is a new"
                        + " revision: rerun --period 2021-03 --reason TEXT");
        assertThat(changed.codes("2021-03", 1)).containsExactly("A4", "A5");

        Run history = cli("history", "--period", "2021-03");
        assertThat(history.out()).contains("2021-03 revision 1: 2 dossiers changed after the report was made");
        JsonNode json = new ObjectMapper().readTree(cli("history", "--period", "2021-03", "--json").out());
        assertThat(json.get(0).get("changedSince").asLong()).isEqualTo(2);
        assertThat(cliIn(Messages.VIETNAMESE, "history", "--period", "2021-03").out())
                .contains("2021-03 lần 1: 2 hồ sơ thay đổi sau khi lập báo cáo");

        // explain: the 6 dossiers revision 1 counted, A4 and A5 marked changed, the other 4 not.
        Run csv = cli("explain", "--period", "2021-03", "--field", "TOTAL", "--column", "total", "--csv");
        List<String> flagged = csv.out().lines().skip(1).filter(l -> l.endsWith(",true")).map(l -> l.split(",")[0]).toList();
        assertThat(flagged).containsExactly("A4", "A5");
        assertThat(csv.out().lines().skip(1).filter(l -> l.endsWith(",false"))).hasSize(4);
        Run explain = cli("explain", "--period", "2021-03", "--field", "dat-dai", "--column", "pending");
        assertThat(explain.out()).contains("2021-03 revision 1: 2 dossiers changed after the report was made")
                .contains("A4*").contains("A5*").contains("re-imported with changes after this revision");
        // The revision's own cells: A4 is still overdue there, whatever the data says now.
        assertThat(cli("explain", "--period", "2021-03", "--field", "dat-dai", "--column", "overdue").out())
                .contains("1 dossiers (the table says 1)").contains("A4*");

        Run refused = cli(signOff());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("2021-03 revision 1: 2 dossiers changed after the report was made;"
                + " make a corrected report with rerun --period 2021-03 --reason TEXT and sign that,"
                + " or sign this one anyway with --accept-changed");
        assertThat(refused.err().lines().count()).isEqualTo(1);
        assertThat(tmp.resolve("2021-03/bao-cao-2021-03-r1-signed.pdf")).doesNotExist();
        assertThat(cli("history", "--period", "2021-03", "--json").out()).contains("\"signed\":false");
        assertThat(cliIn(Messages.VIETNAMESE, signOff()).err()).contains("2021-03 lần 1: 2 hồ sơ thay đổi sau khi lập"
                + " báo cáo; hãy lập báo cáo điều chỉnh bằng lệnh rerun --period 2021-03").contains("--accept-changed");

        Run accepted = cli(signOff("--accept-changed"));
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(tmp.resolve("2021-03/bao-cao-2021-03-r1-signed.pdf")).exists();

        // The correction, as a new revision, has read the data as it is: nothing changed since, signed plainly.
        Run rerun = cli("rerun", "--period", "2021-03", "--reason", "A4 resolved; A5 is ho-tich", "--out", tmp.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("dat-dai late: 1 -> 2 (+1)");
        assertThat(changed.count("2021-03", 2)).isZero();
        assertThat(cli(signOff("--revision", "2")).exitCode()).isZero();
    }

    @Test
    void importCommittedAfterTheCheckBeforeCompletion_leavesTheCompletedRevisionChangedSince() throws Exception {
        AFTER_CHECK.set(() -> {
            try {
                Run fix = importCorrection();
                assertThat(fix.exitCode()).as(fix.err()).isZero();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Run run = run();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(AFTER_CHECK.get()).as("the import ran during the job").isNull();
        assertThat(revisions.find(PeriodName.parse("2021-03"), 1).orElseThrow().completed()).isTrue();
        // The rows were changed before the revision was completed: a comparison with its completion time misses them.
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM dossier d, report_revision r
                 WHERE r.period = '2021-03' AND d.updated_at > r.completed_at""", Long.class)).isZero();

        assertThat(changed.codes("2021-03", 1)).containsExactly("A4", "A5");
        assertThat(cli("history", "--period", "2021-03").out())
                .contains("2021-03 revision 1: 2 dossiers changed after the report was made");
        assertThat(cli(signOff()).exitCode()).isEqualTo(2);
    }

    @Test
    void importBegunBeforeTheReadButCommittedAfter_isChangedSince() throws Exception {
        long batch = newBatch();
        try (Connection importing = dataSource.getConnection()) {
            importing.setAutoCommit(false);
            // The import's transaction begins (its rows' time is now) and changes A4, uncommitted.
            correctA4(importing, batch);
            Run run = run();
            assertThat(run.exitCode()).as(run.err()).isZero();
            // It commits after the revision read the data, yet before the revision completed... and its rows'
            // time is older than both: only the commit order tells.
            commitImport(importing, batch);
        }
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM dossier d, report_revision r
                 WHERE r.period = '2021-03' AND d.updated_at > r.created_at""", Long.class)).isZero();
        assertThat(changed.codes("2021-03", 1)).containsExactly("A4");
        // The revision counted A4 pending, as the data was when it read it.
        assertThat(cli("explain", "--period", "2021-03", "--field", "dat-dai", "--column", "overdue").out())
                .contains("A4*");
    }

    @Test
    void importCommittingAsTheRevisionStartsToRead_isReadWhole_andNotChangedSince() throws Exception {
        long batch = newBatch();
        try (Connection importing = dataSource.getConnection()) {
            importing.setAutoCommit(false);
            correctA4(importing, batch);
            // The import has taken its data version and is about to commit: a report's read waits for it.
            try (PreparedStatement version = importing.prepareStatement("SELECT next_data_version(?)")) {
                version.setLong(1, batch);
                version.executeQuery().close();
            }
            CompletableFuture<Run> running = CompletableFuture.supplyAsync(this::run);
            while (jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
                    Long.class) == 0) {
                assertThat(running).as("the run waits for the import's commit").isNotDone();
                Thread.sleep(20);
            }
            importing.commit();
            Run run = running.join();
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(changed.count("2021-03", 1)).isZero();
        // The revision read A4 resolved on 22/03, late: dat-dai's late cell has A3 and A4.
        assertThat(cli("explain", "--period", "2021-03", "--field", "dat-dai", "--column", "late").out())
                .contains("2 dossiers (the table says 2)").contains("A4").doesNotContain("A4*");
    }

    @Test
    void importChangingTheCountsWhileTheJobRuns_failsIt_inOneSentence_andRerunMakesItAgain() throws Exception {
        AFTER_CLASSIFY.set(() -> {
            try {
                assertThat(importCorrection().exitCode()).isZero();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Run run = run();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("motcua-report: 2021-03 revision 1: the dossiers changed while the report was"
                + " being made (2 dossiers, by an import that finished meanwhile), so this revision was abandoned;"
                + " make it again: rerun --period 2021-03 --reason TEXT" + System.lineSeparator());
        assertThat(revisions.find(PeriodName.parse("2021-03"), 1).orElseThrow().status()).isEqualTo(RevisionStatus.FAILED);
        Run vi = cliIn(Messages.VIETNAMESE, "history", "--period", "2021-03", "--json");
        assertThat(vi.out()).contains("hồ sơ đã thay đổi trong khi lập báo cáo").contains("rerun")
                .doesNotContain("nhật ký");

        // As the sentence says: restart cannot help (it points to rerun), rerun makes the revision again.
        Run restart = cli("restart", "--period", "2021-03");
        assertThat(restart.exitCode()).isEqualTo(2);
        assertThat(restart.err()).contains("rerun --period 2021-03");
        Run rerun = cli("rerun", "--period", "2021-03", "--reason", "the data changed during revision 1", "--out",
                tmp.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(revisions.find(PeriodName.parse("2021-03"), 2).orElseThrow().completed()).isTrue();
        assertThat(changed.count("2021-03", 2)).isZero();
        // Revision 2 counted the corrected data: dat-dai A1..A4, late A3 and A4.
        assertThat(cli("explain", "--period", "2021-03", "--field", "dat-dai", "--column", "late").out())
                .contains("2021-03 revision 2").contains("2 dossiers (the table says 2)");
    }

    private long newBatch() {
        return jdbc.queryForObject("INSERT INTO import_batch (kind, file_name, sha256) VALUES ('dossiers', 'fix.csv', '-')"
                + " RETURNING id", Long.class);
    }

    /** What the import's store step does to A4, in its transaction: resolved late on 22/03. */
    private static void correctA4(Connection importing, long batch) throws Exception {
        try (PreparedStatement fix = importing.prepareStatement("""
                UPDATE dossier SET finished_on = DATE '2021-03-22', outcome = 'resolved', import_id = ?, updated_at = now()
                 WHERE code = 'A4'""")) {
            fix.setLong(1, batch);
            assertThat(fix.executeUpdate()).isEqualTo(1);
        }
    }

    /** What the import's store step does last: its outcome, its data version, the commit. */
    private static void commitImport(Connection importing, long batch) throws Exception {
        try (PreparedStatement stored = importing.prepareStatement(
                "UPDATE import_batch SET status = 'STORED', changed = 1 WHERE id = ?");
             PreparedStatement version = importing.prepareStatement("SELECT next_data_version(?)")) {
            stored.setLong(1, batch);
            stored.executeUpdate();
            version.setLong(1, batch);
            version.executeQuery().close();
        }
        importing.commit();
    }
}
