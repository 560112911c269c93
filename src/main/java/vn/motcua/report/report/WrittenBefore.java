package vn.motcua.report.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * A report's file that an earlier attempt of the same step wrote in full, kept as it is when the step runs again:
 * a process killed after the file was moved in place but before its step committed leaves a complete file, and a
 * restart must not change it (a PDF or workbook made again differs in its creation date and identifier). The
 * earlier attempt is this job instance's (this revision's) step of that name; a file of the same name older than
 * that attempt (left by another database, say) is written again.
 */
final class WrittenBefore {

    /** Writes a step's file, giving its path. */
    @FunctionalInterface
    interface Write {
        Path write() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(WrittenBefore.class);

    private final JobRepository jobRepository;

    WrittenBefore(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** {@code file} as an earlier attempt of {@code step} wrote it, else as {@code write} writes it now. */
    Path keptOrWritten(StepExecution step, Path file, Write write) throws IOException {
        if (byAnEarlierAttempt(step, file)) {
            log.info("Kept {}: an earlier attempt of the {} step wrote it in full", file, step.getStepName());
            return file;
        }
        return write.write();
    }

    private boolean byAnEarlierAttempt(StepExecution step, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        JobExecution current = step.getJobExecution();
        for (JobExecution earlier : jobRepository.getJobExecutions(current.getJobInstance())) {
            if (Objects.equals(earlier.getId(), current.getId())) {
                continue;
            }
            for (StepExecution attempt : earlier.getStepExecutions()) {
                // Spring Batch records times in the JVM's zone, as files are stamped.
                if (attempt.getStepName().equals(step.getStepName()) && attempt.getStartTime() != null
                        && !modified.isBefore(attempt.getStartTime().atZone(ZoneId.systemDefault()).toInstant())) {
                    return true;
                }
            }
        }
        return false;
    }
}
