package vn.motcua.report.report;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;

/**
 * The report job's parameters. {@code period} and {@code revision} identify a job instance; the cutoff,
 * the reason of a correction and the output folder ride along (a restart reuses them as they were).
 */
public record ReportParameters(Period period, int revision, String reason, Path out) {

    public JobParameters toJobParameters() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString("period", period.name())
                .addLong("revision", (long) revision)
                .addString("cutoff", period.cutoff().toString(), false)
                .addString("out", out.toAbsolutePath().toString(), false);
        if (reason != null) {
            b.addString("reason", reason, false);
        }
        return b.toJobParameters();
    }

    public static ReportParameters from(JobParameters p) {
        return new ReportParameters(Period.of(p.getString("period"), CutoffDay.parse(p.getString("cutoff"))),
                p.getLong("revision").intValue(), p.getString("reason"), Path.of(p.getString("out")));
    }
}
