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
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import job, steps in order:
 * <ol>
 * <li>{@code checkRows}: reads the file chunk by chunk, checks every row, stages the good ones and
 * records why the others are refused;</li>
 * <li>{@code store}: when no row was refused, stores the whole file in one transaction (new dossiers
 * added, changed ones updated, the rest left as they were); otherwise stores nothing.</li>
 * </ol>
 * Either way the staging rows are removed. Parameters: {@code importId} (identifying), {@code file}, {@code kind}.
 */
@Configuration(proxyBeanMethods = false)
public class ImportJobConfiguration {

    public static final String JOB_NAME = "importJob";

    public static JobParameters parameters(long importId, Path file, String kind) {
        return new JobParametersBuilder()
                .addLong("importId", importId)
                .addString("file", file.toAbsolutePath().toString(), false)
                .addString("kind", kind, false)
                .toJobParameters();
    }

    @Bean
    Job importJob(JobRepository jobRepository, Step checkRows, Step store) {
        return new JobBuilder(JOB_NAME, jobRepository).start(checkRows).next(store).preventRestart().build();
    }

    @Bean
    Step checkRows(JobRepository jobRepository, PlatformTransactionManager tx, CsvRowReader importRowReader,
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
    ImportKind importKind(@Value("#{jobParameters['kind']}") String kind, ImportRepository imports) {
        return ImportKind.of(kind, imports.fieldCodes());
    }

    @Bean
    @StepScope
    CsvRowReader importRowReader(@Value("#{jobParameters['file']}") String file, ImportKind importKind) {
        return new CsvRowReader(Path.of(file), importKind);
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
    Step store(JobRepository jobRepository, PlatformTransactionManager tx, JdbcTemplate jdbc, ImportRepository imports) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            long importId = step.getJobParameters().getLong("importId");
            ImportKind kind = ImportKind.of(step.getJobParameters().getString("kind"), imports.fieldCodes());
            if (kind.duplicatesSql() != null) {
                jdbc.update(kind.duplicatesSql(), importId);
            }
            long rowsRead = step.getJobExecution().getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("checkRows")).mapToLong(StepExecution::getReadCount).sum();
            Integer refused = jdbc.queryForObject("SELECT count(DISTINCT line) FROM import_reject WHERE import_id = ?",
                    Integer.class, importId);
            if (refused > 0) {
                jdbc.update("UPDATE import_batch SET status = 'REFUSED', rows_read = ?, refused = ? WHERE id = ?",
                        rowsRead, refused, importId);
            } else {
                int[] counts = kind.store(jdbc, importId);
                jdbc.update("""
                        UPDATE import_batch SET status = 'STORED', rows_read = ?, added = ?, changed = ?, unchanged = ?
                         WHERE id = ?""", rowsRead, counts[0], counts[1], counts[2], importId);
            }
            jdbc.update("DELETE FROM " + kind.stagingTable() + " WHERE import_id = ?", importId);
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("store", jobRepository).tasklet(tasklet, tx).build();
    }
}
