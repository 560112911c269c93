package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.batch.core.job.Job;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;

/** The check step fails the job when the table breaks an identity or disagrees with the independent SQL count. */
class CheckStepTest extends DatabaseTest {

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    @Qualifier(ReportJobConfiguration.JOB_NAME)
    Job reportJob;
    @Autowired
    ReportService reports;

    private JobExecution check(ReportParameters params) {
        JobOperatorTestUtils utils = new JobOperatorTestUtils(jobOperator, jobRepository);
        utils.setJob(reportJob);
        // Each check is its own single-step job instance.
        return utils.startStep("check",
                utils.getUniqueJobParametersBuilder().addJobParameters(params.toJobParameters()).toJobParameters(),
                new ExecutionContext());
    }

    @Test
    void tamperedRow_failsTheCheck_withTheIdentityAndTheSqlDisagreement() throws Exception {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        Period feb = Period.of("2021-02", CutoffDay.parse("25"));
        ReportParameters params = new ReportParameters(feb, 1, null, tmp);
        assertThat(check(params).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        jdbc.update("""
                UPDATE report_row SET late = late + 1
                 WHERE field_code = 'dat-dai' AND revision_id = (SELECT id FROM report_revision WHERE period = '2021-02')""");
        JobExecution failed = check(params);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        String message = failed.getAllFailureExceptions().toString();
        assertThat(message).contains("field dat-dai: (6)=148 but (7)+(8)=145+4");
        assertThat(message).contains("field dat-dai: job counted").contains("but SQL counts");
    }

    @Test
    void dataChangedAfterClassifying_failsTheCheck() throws Exception {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        // A dossier imported after the classify step: the job's rows no longer match the data.
        jdbc.update("""
                INSERT INTO dossier (code, field_code, channel, received_on, due_on)
                VALUES ('LATE-ARRIVAL', 'ho-tich', 'direct', DATE '2021-02-20', DATE '2021-03-01')""");
        JobExecution failed = check(new ReportParameters(Period.of("2021-02", CutoffDay.parse("25")), 1, null, tmp));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions().toString()).contains("field ho-tich: job counted");
    }
}
