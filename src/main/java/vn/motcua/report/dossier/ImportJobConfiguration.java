package vn.motcua.report.dossier;

import java.nio.file.Path;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.report.config.JobsFolder;

/**
 * The import job, steps in order:
 * <ol>
 * <li>{@code checkRows}: reads the file chunk by chunk, checks every row, stages the good ones and
 * records why the others are refused;</li>
 * <li>{@code store}: when no row was refused, stores the whole file in one transaction (new dossiers
 * added, changed ones updated, the rest left as they were); otherwise stores nothing, unless
 * {@code acceptPartial}: then the rows that passed are stored and the refused ones reported.</li>
 * </ol>
 * Either way the staging rows are removed. Parameters: {@code importId} (identifying), {@code file}, {@code kind},
 * {@code sheet} (a workbook's sheet, "" for the first), {@code acceptPartial}.
 */
@Configuration(proxyBeanMethods = false)
public class ImportJobConfiguration {

    public static final String JOB_NAME = "importJob";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportJobConfiguration.class);

    /** Where the reader leaves the file's own heading of the dossier code, for the duplicate-code refusals. */
    static final String CODE_HEADING = "codeHeading";

    /** Where the reader leaves the headings of the columns it does not use, to tell the operator. */
    static final String IGNORED_HEADINGS = "ignoredHeadings";

    public static JobParameters parameters(long importId, Path file, String kind, String sheet, boolean acceptPartial) {
        return new JobParametersBuilder()
                .addLong("importId", importId)
                .addString("file", file.toAbsolutePath().toString(), false)
                .addString("kind", kind, false)
                .addString("sheet", sheet == null ? "" : sheet, false)
                .addString("acceptPartial", Boolean.toString(acceptPartial), false)
                .toJobParameters();
    }

    @Bean
    Job importJob(JobRepository jobRepository, Step checkRows, Step store) {
        return new JobBuilder(JOB_NAME, jobRepository).start(checkRows).next(store).preventRestart().build();
    }

    @Bean
    Step checkRows(JobRepository jobRepository, PlatformTransactionManager tx, ItemStreamReader<CsvRow> importRowReader,
                   org.springframework.batch.infrastructure.item.ItemProcessor<CsvRow, CheckedRow> importRowChecker,
                   StagingWriter stagingWriter, @Value("${motcua.import.chunk-size:2000}") int chunkSize) {
        return new StepBuilder("checkRows", jobRepository)
                .<CsvRow, CheckedRow>chunk(chunkSize)
                .transactionManager(tx)
                .reader(importRowReader)
                .processor(importRowChecker)
                .writer(stagingWriter)
                .build();
    }

    @Bean
    @StepScope
    ImportKind importKind(@Value("#{jobParameters['kind']}") String kind, ImportRepository imports, JobsFolder jobs) {
        return kind(kind, imports, jobs);
    }

    static ImportKind kind(String kind, ImportRepository imports, JobsFolder jobs) {
        java.util.Map<String, String> fields = imports.fieldCatalogue();
        return ImportKind.of(kind, fields, imports.fieldAliases(), imports.procedureFields(),
                ImportMapping.load(jobs, fields.keySet()));
    }

    /** The file's reader, chosen by what the file is (not by its name): CSV text or an .xlsx workbook. */
    @Bean
    @StepScope
    ItemStreamReader<CsvRow> importRowReader(@Value("#{jobParameters['file']}") String file,
                                             @Value("#{jobParameters['sheet']}") String sheet,
                                             ImportKind importKind, ImportProgress progress) {
        Path path = Path.of(file);
        return ImportFile.of(path) == ImportFile.XLSX
                ? new XlsxRowReader(path, sheet == null || sheet.isEmpty() ? null : sheet, importKind, progress)
                : new CsvRowReader(path, importKind, progress);
    }

    @Bean
    @StepScope
    org.springframework.batch.infrastructure.item.ItemProcessor<CsvRow, CheckedRow> importRowChecker(ImportKind importKind) {
        return importKind::check;
    }

    @Bean
    @StepScope
    StagingWriter stagingWriter(JdbcTemplate jdbc, ImportKind importKind,
                                @Value("#{jobParameters['importId']}") Long importId) {
        return new StagingWriter(jdbc, importKind, importId);
    }

    @Bean
    Step store(JobRepository jobRepository, PlatformTransactionManager tx, JdbcTemplate jdbc, ImportRepository imports,
               JobsFolder jobs, ImportProgress progress) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            long importId = step.getJobParameters().getLong("importId");
            boolean acceptPartial = Boolean.parseBoolean(step.getJobParameters().getString("acceptPartial"));
            ImportKind kind = kind(step.getJobParameters().getString("kind"), imports, jobs);
            StepExecution checkRows = step.getJobExecution().getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("checkRows")).findFirst().orElseThrow();
            progress.phase("checking codes and storing");
            // Sorting a million codes and merging them into dossier goes faster with room to sort in memory.
            jdbc.execute("SET LOCAL work_mem = '128MB'");
            long t0 = System.nanoTime();
            if (kind.duplicatesSql() != null) {
                jdbc.update(kind.duplicatesSql(), checkRows.getExecutionContext().getString(CODE_HEADING, "code"), importId,
                        importId);
            }
            log.info("import {}: repeated codes checked in {} ms", importId, (System.nanoTime() - t0) / 1_000_000);
            long rowsRead = checkRows.getReadCount();
            Integer refused = jdbc.queryForObject("SELECT count(DISTINCT line) FROM import_reject WHERE import_id = ?",
                    Integer.class, importId);
            if (refused > 0 && !acceptPartial) {
                jdbc.update("UPDATE import_batch SET status = 'REFUSED', rows_read = ?, refused = ? WHERE id = ?",
                        rowsRead, refused, importId);
            } else {
                if (refused > 0) {
                    // Only the rows that passed every check are stored: a repeated code's later lines are refused.
                    jdbc.update("DELETE FROM " + kind.stagingTable() + " s WHERE s.import_id = ? AND EXISTS"
                            + " (SELECT 1 FROM import_reject r WHERE r.import_id = s.import_id AND r.line = s.line)", importId);
                }
                long t1 = System.nanoTime();
                int[] counts = kind.store(jdbc, importId);
                log.info("import {}: stored in {} ms", importId, (System.nanoTime() - t1) / 1_000_000);
                jdbc.update("""
                        UPDATE import_batch SET status = 'STORED', rows_read = ?, added = ?, changed = ?, unchanged = ?,
                                                refused = ?
                         WHERE id = ?""", rowsRead, counts[0], counts[1], counts[2], refused, importId);
            }
            jdbc.update("DELETE FROM " + kind.stagingTable() + " WHERE import_id = ?", importId);
            jdbc.update("DELETE FROM import_refused_code WHERE import_id = ?", importId);
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("store", jobRepository).tasklet(tasklet, tx).build();
    }
}
