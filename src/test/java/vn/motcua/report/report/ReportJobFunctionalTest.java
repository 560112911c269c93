package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.catalogue.CatalogueStore;
import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.RevisionStatus;

/**
 * The report job as its configuration declares it, started through spring-batch-test's {@link JobOperatorTestUtils}
 * on the real embedded database, over the seed month: the seed's table, and the same rows (by field, by unit,
 * the sums by unit and every dossier's cell) whatever the partitions and the chunk size its execution records.
 */
class ReportJobFunctionalTest extends DatabaseTest {

    private static final Period SEED_MONTH = Period.of("2021-02", CutoffDay.parse("25"));

    @Autowired JobOperator jobOperator;
    @Autowired JobRepository jobRepository;
    @Autowired @Qualifier(ReportJobConfiguration.JOB_NAME) Job reportJob;
    @Autowired RevisionRepository revisions;
    @Autowired CatalogueStore catalogue;
    @Autowired ApplicationContext context;

    private JobOperatorTestUtils jobs;

    @BeforeEach
    void seed() throws Exception {
        jobs = new JobOperatorTestUtils(jobOperator, jobRepository);
        jobs.setJob(reportJob);
        Path dossiers = tmp.resolve("dossiers.csv");
        try (var in = getClass().getResourceAsStream("/demo/dossiers.csv")) {
            Files.copy(in, dossiers);
        }
        Run imported = cli("import", "dossiers", dossiers.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        catalogue.refresh();
    }

    /** The job's revision of the seed month with the given tuning, recorded with its execution as run records it. */
    private JobExecution report(int revision, int partitions, int chunkSize) throws Exception {
        JobExecution execution = jobs.startJob(new ReportParameters(SEED_MONTH, revision, null, tmp.resolve("out"),
                partitions, chunkSize).toJobParameters());
        assertThat(execution.getStatus()).as("partitions %d, chunks of %d: %s", partitions, chunkSize,
                execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    @Test
    void theSeedMonth_givesTheSeedTable_andTheRevisionCompletesWithItsExecution() throws Exception {
        JobExecution execution = report(1, 2, 10_000);
        Revision r1 = revisions.of(SEED_MONTH.named(), 1);
        assertThat(r1.status()).isEqualTo(RevisionStatus.COMPLETED);
        assertThat(r1.jobExecutionId()).isEqualTo(execution.getId());
        Tally total = revisions.table(r1).total();
        assertThat(new long[] {total.get(Counter.TOTAL), total.get(Counter.CARRIED_OVER), total.newReceived(),
                total.get(Counter.RESOLVED), total.onTimeOrEarly(), total.get(Counter.LATE), total.get(Counter.PENDING),
                total.get(Counter.NOT_YET_DUE), total.get(Counter.OVERDUE)})
                .containsExactly(497, 48, 449, 467, 459, 8, 30, 29, 1);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
                .contains("openRevision", "classify", "classifyPartition:ids0", "classifyPartition:ids1", "check",
                        "writeTable", "writeWorkbook", "document");
        assertThat(Files.readAllLines(tmp.resolve("out/2021-02/bao-cao-2021-02-r1.csv")))
                .last().asString().contains(",TOTAL,").endsWith(",497,48,449,467,459,8,30,29,1");
    }

    @Test
    void oneOrThreePartitions_chunksOfOneOrAThousand_giveIdenticalRows() throws Exception {
        int[][] tunings = {{1, 1}, {3, 1}, {1, 1000}, {3, 1000}};
        List<List<String>> results = new ArrayList<>();
        for (int i = 0; i < tunings.length; i++) {
            JobExecution execution = report(i + 1, tunings[i][0], tunings[i][1]);
            assertThat(execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("classifyPartition:")))
                    .as("partitions %d", tunings[i][0]).hasSize(tunings[i][0]);
            results.add(rows(i + 1));
        }
        assertThat(results.get(0)).as("rows by field, by unit, sums by unit and cells").hasSizeGreaterThan(497);
        for (int i = 1; i < results.size(); i++) {
            assertThat(results.get(i)).as("partitions %d, chunks of %d", tunings[i][0], tunings[i][1])
                    .isEqualTo(results.get(0));
        }
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM report_dossier_block b JOIN report_revision r ON r.id = b.revision_id
                 WHERE r.revision = 1""", Long.class)).as("chunks of one dossier: a block each").isEqualTo(497);
    }

    /** Each partition gets a reader, a processor and a writer of its own, which each item reaches without a proxy. */
    @Test
    void eachPartition_hasItsOwnReaderProcessorAndWriter_withoutScopedProxies() {
        revisions.reserve(SEED_MONTH, 1, null, null);
        JobParameters params = new ReportParameters(SEED_MONTH, 1, null, tmp, 2, 100).toJobParameters();
        List<Object> first = partsOf(MetaDataInstanceFactory.createStepExecution(params, range(0, 300)));
        List<Object> second = partsOf(MetaDataInstanceFactory.createStepExecution(params, range(300, Long.MAX_VALUE)));
        assertThat(first).hasSize(3).noneMatch(AopUtils::isAopProxy).doesNotContainAnyElementsOf(second);
        assertThat(second).noneMatch(AopUtils::isAopProxy);
    }

    private static ExecutionContext range(long afterId, long toId) {
        ExecutionContext range = new ExecutionContext();
        range.putLong(IdRangePartitioner.AFTER_ID, afterId);
        range.putLong(IdRangePartitioner.TO_ID, toId);
        return range;
    }

    /** The classify worker's reader, processor and writer as a partition's step scope resolves them. */
    private List<Object> partsOf(StepExecution partition) {
        StepSynchronizationManager.register(partition);
        try {
            return List.of(context.getBean("classifyReader"), context.getBean("classifyProcessor"),
                    context.getBean("classifyWriter"));
        } finally {
            StepSynchronizationManager.release();
        }
    }

    /** Everything the revision counted, as text without the revision's own id. */
    private List<String> rows(int revision) {
        long id = revisions.of(SEED_MONTH.named(), revision).id();
        String counters = "concat_ws(' ', " + Counter.columns() + ")";
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("SELECT 'field ' || field_order || ' ' || field_code || ' ' || " + counters
                + " FROM report_row WHERE revision_id = ? ORDER BY field_order, field_code", String.class, id));
        rows.addAll(jdbc.queryForList("SELECT 'unit ' || unit_order || ' ' || unit_name || ' ' || " + counters
                + " FROM report_unit_row WHERE revision_id = ? ORDER BY unit_order", String.class, id));
        rows.addAll(jdbc.queryForList("SELECT 'unit sum ' || unit_name || ' ' || " + counters
                + " FROM report_unit_sum WHERE revision_id = ? ORDER BY unit_name", String.class, id));
        rows.addAll(jdbc.queryForList("""
                SELECT 'cell ' || dossier_id || ' ' || field_code || ' ' || intake || ' ' || result || ' '
                       || coalesce(outcome, '-') || ' ' || apology
                  FROM report_dossier WHERE revision_id = ? ORDER BY dossier_id""", String.class, id));
        return rows;
    }
}
