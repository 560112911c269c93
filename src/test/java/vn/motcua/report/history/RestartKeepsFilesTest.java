package vn.motcua.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.ExecutionHistory;

/**
 * A run killed once its PDF was written in full but before the document step committed: {@code restart} runs that
 * step again and keeps the PDF byte for byte (made again, it would differ in its creation date and identifier). A
 * file of that name older than the step's first attempt (another database's, say) is not this revision's: made
 * again. The kill is what it leaves in the database (as {@code ProvinceKillProcessIT} does it with a real process).
 */
class RestartKeepsFilesTest extends DatabaseTest {

    private static final String PERIOD = "2021-02";

    @Autowired
    ExecutionHistory history;

    @Test
    void aPdfWrittenBeforeTheKill_isKept_butAnOlderFileOfThatName_isMadeAgain() throws Exception {
        Path dossiers = tmp.resolve("dossiers.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/dossiers.csv")) {
            Files.copy(in, dossiers);
        }
        assertThat(cli("import", "dossiers", dossiers.toString()).exitCode()).isZero();
        Path out = tmp.resolve("out");
        Run run = cli("run", "--period", PERIOD, "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path pdf = out.resolve(PERIOD).resolve("bao-cao-2021-02-r1.pdf");
        byte[] written = Files.readAllBytes(pdf);

        killedInTheDocumentStep();
        Run restarted = cli("restart", "--period", PERIOD);
        assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
        assertThat(history.executions(PeriodName.parse(PERIOD)).get(0).step("document")).isPresent();
        assertThat(Files.readAllBytes(pdf)).as("kept as the killed step wrote it").isEqualTo(written);

        killedInTheDocumentStep();
        Files.setLastModifiedTime(pdf, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Run again = cli("restart", "--period", PERIOD);
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(Files.readAllBytes(pdf)).as("older than the step's first attempt: made again")
                .isNotEqualTo(written).startsWith("%PDF".getBytes());
    }

    /** What a kill -9 after the PDF was moved in place leaves: the document step and the job STARTED, no end. */
    private void killedInTheDocumentStep() {
        long execution = history.executions(PeriodName.parse(PERIOD)).get(0).executionId();
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL"
                + " WHERE job_execution_id = ?", execution);
        assertThat(jdbc.update("UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING',"
                + " end_time = NULL WHERE job_execution_id = ? AND step_name = 'document'", execution)).isOne();
        jdbc.update("UPDATE report_revision SET status = 'RUNNING', completed_at = NULL WHERE revision = 1");
    }
}
