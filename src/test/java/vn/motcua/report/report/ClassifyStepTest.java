package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.bench.SyntheticDossiers;
import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Intake;
import vn.motcua.report.classify.Result;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.cli.Cli;
import vn.motcua.report.dossier.Outcome;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.CellCode;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.period.PeriodName;

/**
 * The classify step on generated data: the same table and the same per-dossier record whatever the chunk
 * size or partitioning, equal to the independent SQL aggregate, and exact after a failure and a restart.
 */
class ClassifyStepTest extends DatabaseTest {

    private static final Period PERIOD = Period.of("2025-01", CutoffDay.parse("25"));

    @Autowired JobOperator jobOperator;
    @Autowired JobRepository jobRepository;
    @Autowired RevisionRepository revisions;
    @Autowired IndependentRecount independentRecount;
    @Autowired @Qualifier("openRevision") Step openRevision;
    @Autowired @Qualifier("classify") Step classify;
    @Autowired @Qualifier("check") Step check;
    @Autowired RevisionLifecycle revisionLifecycle;

    private void generate(long dossiers) {
        new SyntheticDossiers(jdbc).generate(dossiers, java.time.LocalDate.of(2024, 1, 1), 14);
    }

    /** openRevision, classify with the given chunk size and partitions (recorded with the execution), check. */
    private JobExecution run(int revision, int chunkSize, int partitions) throws Exception {
        return run(new ReportParameters(PERIOD, revision, null, Path.of("unused"), partitions, chunkSize));
    }

    /** The report job's first three steps, as the report job declares them, with its revision lifecycle. */
    private JobExecution run(ReportParameters params) throws Exception {
        Job job = new JobBuilder("classifyVariant", jobRepository)
                .start(openRevision)
                .next(classify)
                .next(check)
                .listener(revisionLifecycle)
                .build();
        return jobOperator.start(job, params.toJobParameters());
    }

    /**
     * A run recorded one partition and chunks of 100; restarted where the settings say two partitions of
     * 10,000 (application.properties), it resumes with its own, so no chunk is counted twice and the table is exact.
     */
    @Test
    void restartWithOtherSettings_resumesWithThePartitionsAndChunksTheRunRecorded() throws Exception {
        generate(6_000);
        Map<String, Tally> sql = new TreeMap<>(independentRecount.byField(PERIOD));
        long inScope = sql.values().stream().mapToLong(t -> t.get(Counter.TOTAL)).sum();
        OutsideTheCatalogue bad = outsideTheCatalogue();
        ReportParameters recorded = new ReportParameters(PERIOD, 1, null, Path.of("unused"), 1, 100);
        JobExecution failed = run(recorded);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions()).extracting(StepExecution::getStepName).contains("classify")
                .containsOnlyOnce("classifyPartition:ids0").doesNotContain("classifyPartition:ids1");
        long committed = jdbc.queryForObject("SELECT coalesce(sum(cardinality(dossier_ids)), 0) FROM report_dossier_block",
                Long.class);
        assertThat(committed).as("chunks of 100 before the bad one").isPositive().isLessThan(inScope);
        assertThat(jdbc.queryForObject("SELECT max(cardinality(dossier_ids)) FROM report_dossier_block", Integer.class))
                .as("chunks of the recorded 100, not of the configured 10,000").isLessThanOrEqualTo(100);

        bad.restore();
        // The restart reuses the execution's parameters (ReportService.restart): the recorded tuning with them.
        JobExecution restarted = run(recorded);
        assertThat(restarted.getStatus()).as("%s", restarted.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsOnlyOnce("classifyPartition:ids0").doesNotContain("classifyPartition:ids1");
        assertThat(jdbc.queryForObject("SELECT max(cardinality(dossier_ids)) FROM report_dossier_block", Integer.class))
                .as("the restart's chunks are of the recorded 100 too").isLessThanOrEqualTo(100);
        assertThat(table(1)).isEqualTo(sql);
        assertThat(cells(1)).hasSize((int) inScope).doesNotHaveDuplicates();
    }

    private Map<String, Tally> table(int revision) {
        Map<String, Tally> table = new TreeMap<>();
        revisions.table(revisions.find(PERIOD.named(), revision).orElseThrow()).rows().stream()
                .filter(r -> !r.counts().equals(new Tally()))
                .forEach(r -> table.put(r.field(), r.counts()));
        return table;
    }

    /** The revision's per-dossier record, read through the report_dossier view, in dossier order. */
    private List<String> cells(int revision) {
        return jdbc.queryForList("""
                SELECT d.dossier_id || ' ' || d.field_code || ' ' || d.intake || ' ' || d.result || ' '
                       || coalesce(d.outcome, '-') || ' ' || d.apology
                  FROM report_dossier d JOIN report_revision r ON r.id = d.revision_id
                 WHERE r.period = ? AND r.revision = ? ORDER BY d.dossier_id""", String.class, PERIOD.name(), revision);
    }

    @Test
    void sameTableAndCells_whateverTheChunkSizeOrPartitions_andEqualToSql() throws Exception {
        generate(6_000);
        Map<String, Tally> sql = new TreeMap<>(independentRecount.byField(PERIOD));
        long inScope = sql.values().stream().mapToLong(t -> t.get(Counter.TOTAL)).sum();
        assertThat(inScope).as("a month of 6,000 generated dossiers has hundreds in scope").isGreaterThan(500);
        assertThat(sql.values().stream().mapToLong(t -> t.get(Counter.LATE)).sum()).as("some late").isPositive();
        assertThat(sql.values().stream().mapToLong(t -> t.get(Counter.OVERDUE)).sum()).as("some overdue").isPositive();
        assertThat(sql.values().stream().mapToLong(t -> t.get(Counter.WITHDRAWN)).sum()).as("some withdrawn").isPositive();

        int[][] variants = {{7, 1}, {1000, 1}, {10_000, 1}, {7, 2}, {1000, 3}};
        for (int i = 0; i < variants.length; i++) {
            JobExecution execution = run(i + 1, variants[i][0], variants[i][1]);
            assertThat(execution.getStatus()).as("chunk %d, partitions %d: %s", variants[i][0], variants[i][1],
                    execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(table(i + 1)).as("chunk %d, partitions %d", variants[i][0], variants[i][1]).isEqualTo(sql);
        }
        List<String> first = cells(1);
        assertThat(first).hasSize((int) inScope).doesNotHaveDuplicates();
        for (int i = 2; i <= variants.length; i++) {
            assertThat(cells(i)).as("per-dossier record of variant %d", i).isEqualTo(first);
        }
        // Chunks of 7 wrote many blocks, one chunk of 10,000 a single one: the record is the same.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_dossier_block b JOIN report_revision r ON r.id = b.revision_id"
                + " WHERE r.revision = 3", Long.class)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void restartAfterAFailureMidStep_countsEveryDossierExactlyOnce(int partitions) throws Exception {
        generate(6_000);
        Map<String, Tally> sql = new TreeMap<>(independentRecount.byField(PERIOD));
        OutsideTheCatalogue bad = outsideTheCatalogue();

        JobExecution failed = run(1, 100, partitions);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions().stream().map(ClassifyStepTest::rootMessage).toList())
                .anySatisfy(m -> assertThat(m).contains("no-such-field"));
        long committed = jdbc.queryForObject("SELECT coalesce(sum(cardinality(dossier_ids)), 0) FROM report_dossier_block",
                Long.class);
        long inScope = sql.values().stream().mapToLong(t -> t.get(Counter.TOTAL)).sum();
        assertThat(committed).as("chunks before the bad one were committed").isPositive().isLessThan(inScope);
        Tally partial = new Tally();
        table(1).values().forEach(partial::add);
        assertThat(partial.get(Counter.TOTAL)).as("rows and per-dossier record committed together").isEqualTo(committed);

        bad.restore();
        // Starting the failed instance again is a restart: finished chunks (and partitions) are not redone.
        JobExecution restarted = run(1, 100, partitions);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(restarted.getStatus()).as("%s", restarted.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(table(1)).isEqualTo(sql);
        assertThat(cells(1)).hasSize((int) inScope).doesNotHaveDuplicates();

        // The same as a run that never failed.
        assertThat(run(2, 1000, 1).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(cells(1)).isEqualTo(cells(2));
    }

    /**
     * Killed while the partitions were cut: Spring Batch saves a partition's step execution, then its context (its id
     * range) in a second transaction; a kill between the two (the database refusing the second, here) leaves ids1 saved
     * without its range. The restart gives it the range the partitioner cuts again: each dossier counted once.
     */
    @Test
    void killedWhileThePartitionsWereCut_theRestartCutsThePartitionWithoutARange_andCountsEachDossierOnce()
            throws Exception {
        generate(6_000);
        Map<String, Tally> sql = new TreeMap<>(independentRecount.byField(PERIOD));
        long inScope = sql.values().stream().mapToLong(t -> t.get(Counter.TOTAL)).sum();
        JobExecution killed;
        try (KilledWhileCut cut = new KilledWhileCut()) {
            killed = run(1, 100, 2);
        }
        assertThat(killed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(contextOf(killed, "classifyPartition:ids1")).as("ids1 saved without its range").doesNotContain("toId");
        recoverAsAfterAKill(killed);

        JobExecution restarted = run(1, 100, 2);
        assertThat(restarted.getStatus()).as("%s", restarted.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(table(1)).isEqualTo(sql);
        assertThat(cells(1)).hasSize((int) inScope).doesNotHaveDuplicates();
    }

    /**
     * Killed while a restart copied the partitions' contexts forward: ids1 had committed chunks before its run failed,
     * and its new step execution was saved without the context it resumes from. The next restart resumes it from its
     * last saved context (not from a new cut, which would read its committed chunks again).
     */
    @Test
    void killedWhileARestartCutThePartitions_theNextRestartResumesFromTheLastSavedContext() throws Exception {
        generate(6_000);
        Map<String, Tally> sql = new TreeMap<>(independentRecount.byField(PERIOD));
        long inScope = sql.values().stream().mapToLong(t -> t.get(Counter.TOTAL)).sum();
        // Two thirds of the way is in ids1: ids1 fails after committed chunks.
        OutsideTheCatalogue bad = outsideTheCatalogue();
        JobExecution failed = run(1, 100, 2);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(contextOf(failed, "classifyPartition:ids1")).contains("lastId");
        bad.restore();

        JobExecution killed;
        try (KilledWhileCut cut = new KilledWhileCut()) {
            killed = run(1, 100, 2);
        }
        assertThat(killed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(contextOf(killed, "classifyPartition:ids1")).doesNotContain("lastId");
        recoverAsAfterAKill(killed);

        JobExecution restarted = run(1, 100, 2);
        assertThat(restarted.getStatus()).as("%s", restarted.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(table(1)).isEqualTo(sql);
        assertThat(cells(1)).hasSize((int) inScope).doesNotHaveDuplicates();
    }

    /**
     * A dossier in scope, two thirds of the way in id order, given a field outside the catalogue: the writer refuses
     * its chunk, after earlier chunks were committed.
     */
    private OutsideTheCatalogue outsideTheCatalogue() {
        long id = jdbc.queryForObject("""
                SELECT id FROM dossier WHERE received_on <= ? AND (finished_on IS NULL OR finished_on >= ?)
                 ORDER BY id OFFSET (SELECT count(*) * 2 / 3 FROM dossier WHERE received_on <= ?
                                        AND (finished_on IS NULL OR finished_on >= ?)) LIMIT 1""",
                Long.class, PERIOD.end(), PERIOD.start(), PERIOD.end(), PERIOD.start());
        String field = jdbc.queryForObject("SELECT field_code FROM dossier WHERE id = ?", String.class, id);
        jdbc.update("UPDATE dossier SET field_code = 'no-such-field' WHERE id = ?", id);
        return new OutsideTheCatalogue(id, field);
    }

    /** The dossier {@link #outsideTheCatalogue()} changed, and the field it had. */
    private final class OutsideTheCatalogue {
        private final long id;
        private final String field;

        OutsideTheCatalogue(long id, String field) {
            this.id = id;
            this.field = field;
        }

        /** Its own field again, as a correction would give it. */
        void restore() {
            jdbc.update("UPDATE dossier SET field_code = ? WHERE id = ?", field, id);
        }
    }

    /** While open, the database refuses to save partition ids1's context, as a kill right before it would leave it. */
    private final class KilledWhileCut implements AutoCloseable {
        KilledWhileCut() {
            jdbc.execute("""
                    CREATE FUNCTION test_killed_while_cut() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF EXISTS (SELECT 1 FROM batch_step_execution WHERE step_execution_id = NEW.step_execution_id
                                      AND step_name = 'classifyPartition:ids1') THEN
                            RAISE EXCEPTION 'killed while the partitions were cut';
                        END IF;
                        RETURN NEW;
                    END $$""");
            jdbc.execute("CREATE TRIGGER test_killed_while_cut BEFORE UPDATE ON batch_step_execution_context"
                    + " FOR EACH ROW EXECUTE FUNCTION test_killed_while_cut()");
        }

        @Override
        public void close() {
            jdbc.execute("DROP TRIGGER test_killed_while_cut ON batch_step_execution_context");
            jdbc.execute("DROP FUNCTION test_killed_while_cut()");
        }
    }

    /** The keys of the saved context of the execution's step of that name. */
    private java.util.Set<String> contextOf(JobExecution execution, String step) {
        return jobRepository.getJobExecution(execution.getId()).getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(step)).findFirst().orElseThrow()
                .getExecutionContext().toMap().keySet();
    }

    /** As {@code restart} finds an execution whose process was killed: marked running, then recovered as failed. */
    private void recoverAsAfterAKill(JobExecution execution) throws Exception {
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', end_time = NULL WHERE job_execution_id = ?",
                execution.getId());
        jobOperator.recover(jobRepository.getJobExecution(execution.getId()));
    }

    @Test
    void cellCode_theViewReadsBackEveryCellJavaWrites() {
        jdbc.update("""
                INSERT INTO report_revision (period, period_kind, first_month, last_month, revision, cutoff, start_on, end_on)
                VALUES ('2025-01', 'MONTH', '2025-01-01', '2025-01-01', 9, '25', '2024-12-26', '2025-01-25')""");
        long revisionId = revisions.find(PeriodName.parse("2025-01"), 9).orElseThrow().id();
        List<Map<String, Object>> expected = new java.util.ArrayList<>();
        long id = 0;
        java.util.List<Long> ids = new java.util.ArrayList<>();
        java.util.List<Integer> cells = new java.util.ArrayList<>();
        // A large catalogue: positions far beyond the 18 of the seed must survive the packing too.
        jdbc.update("INSERT INTO field (code, position, name, sort_order) VALUES ('linh-vuc-1000', 1000, 'Lĩnh vực thứ 1000', 1000)");
        for (int position : new int[] {1, 2, 18, 1000}) {
            for (Intake intake : Intake.values()) {
                for (Result result : Result.values()) {
                    for (Outcome outcome : new Outcome[] {null, Outcome.RESOLVED, Outcome.WITHDRAWN, Outcome.RETURNED}) {
                        for (boolean apology : new boolean[] {false, true}) {
                            int cell = CellCode.encode(position, intake, result, outcome, apology);
                            assertThat(CellCode.fieldPosition(cell)).isEqualTo(position);
                            assertThat(CellCode.intake(cell)).isEqualTo(intake);
                            assertThat(CellCode.result(cell)).isEqualTo(result);
                            assertThat(CellCode.outcome(cell)).isEqualTo(outcome);
                            assertThat(CellCode.apology(cell)).isEqualTo(apology);
                            ids.add(++id);
                            cells.add(cell);
                            String field = jdbc.queryForObject("SELECT code FROM field WHERE position = ?", String.class,
                                    position);
                            expected.add(Map.of("field", field, "intake", intake.name(), "result", result.name(),
                                    "outcome", outcome == null ? "-" : outcome.code(), "apology", apology));
                        }
                    }
                }
            }
        }
        int[] packed = cells.stream().mapToInt(Integer::intValue).toArray();
        jdbc.update("INSERT INTO report_dossier_block VALUES (?, 1, ?, ?)", revisionId,
                ids.stream().mapToLong(Long::longValue).toArray(), packed);
        List<Map<String, Object>> read = jdbc.query("""
                SELECT field_code, intake, result, coalesce(outcome, '-') AS outcome, apology
                  FROM report_dossier WHERE revision_id = ? ORDER BY dossier_id""",
                (rs, row) -> Map.<String, Object>of("field", rs.getString(1), "intake", rs.getString(2),
                        "result", rs.getString(3), "outcome", rs.getString(4), "apology", rs.getBoolean(5)), revisionId);
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void changesSince_findsCountedDossiersMovedOutOfThePeriod_inAnyBlock() throws Exception {
        generate(3000);
        assertThat(run(1, 7, 2).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // The revision read every dossier there is: nothing changed since.
        ChangedDossiers changes = new ChangedDossiers(jdbc);
        assertThat(changes.count(PERIOD.name(), 1)).isZero();
        // Many small blocks from two partitions: move out dossiers at every kind of place in them.
        List<Long> moved = jdbc.queryForList("""
                SELECT DISTINCT id FROM (
                    SELECT first_dossier_id AS id FROM report_dossier_block
                    UNION ALL SELECT dossier_ids[cardinality(dossier_ids)] FROM report_dossier_block
                    UNION ALL SELECT dossier_ids[4] FROM report_dossier_block WHERE cardinality(dossier_ids) >= 4) ids
                 WHERE id % 5 = 0""", Long.class);
        assertThat(moved).hasSizeGreaterThan(20);
        // As an import committed after the revision read the data changes them: the next data version.
        long batch = jdbc.queryForObject("""
                INSERT INTO import_batch (kind, file_name, sha256, status) VALUES ('dossiers', 'moved.csv', '-', 'STORED')
                RETURNING id""", Long.class);
        jdbc.update("""
                UPDATE dossier SET received_on = DATE '2025-03-01', due_on = NULL, finished_on = NULL, outcome = NULL,
                                   paused_from = NULL, paused_until = NULL, apology_on = NULL, import_id = ?
                 WHERE id = ANY (?)""", batch, moved.toArray(new Long[0]));
        jdbc.queryForObject("SELECT next_data_version(?)", Long.class, batch);
        List<String> expected = jdbc.queryForList("SELECT code FROM dossier WHERE id = ANY (?) ORDER BY code",
                String.class, (Object) moved.toArray(new Long[0]));
        assertThat(changes.codes(PERIOD.name(), 1)).isEqualTo(expected);
        assertThat(changes.count(PERIOD.name(), 1)).isEqualTo(moved.size());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
