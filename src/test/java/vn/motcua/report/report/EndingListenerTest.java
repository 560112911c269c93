package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.jdbc.UncategorizedSQLException;

import vn.motcua.report.config.ConfigException;
import vn.motcua.report.revision.ExecutionEnding;

/** A failed execution names in its exit code a failure that is not the program's: a refusal, or data that changed. */
class EndingListenerTest {

    private static String exitCodeAfter(Throwable failure) {
        JobExecution execution = new JobExecution(1, new JobInstance(1, "reportJob"), new JobParameters());
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(failure));
        execution.addFailureException(failure);
        new EndingListener().afterJob(execution);
        assertThat(execution.getExitStatus().getExitDescription()).as("the stack trace is kept for the log's reader")
                .contains(failure.getClass().getName());
        return execution.getExitStatus().getExitCode();
    }

    @Test
    void aRefusal_evenWrapped_isRecordedAsRefused() {
        assertThat(exitCodeAfter(new ConfigException("config.wrong-shape", "jobs/report.yaml")))
                .isEqualTo(ExecutionEnding.REFUSED.name());
        assertThat(exitCodeAfter(new IllegalStateException("step failed", new ConfigException("config.wrong-shape", "x"))))
                .isEqualTo(ExecutionEnding.REFUSED.name());
    }

    @Test
    void dataThatChangedWhileItRan_isRecordedAsSuch() {
        assertThat(exitCodeAfter(new DataChangedDuringRun("2021-03", 1, 4, new IllegalStateException("counts apart"))))
                .isEqualTo(ExecutionEnding.DATA_CHANGED.name());
    }

    @Test
    void anInternalFailure_keepsSpringBatchsCode() {
        assertThat(exitCodeAfter(new UncategorizedSQLException("insert", "INSERT", new java.sql.SQLException("duplicate"))))
                .isEqualTo(ExitStatus.FAILED.getExitCode());
    }
}
