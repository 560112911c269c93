package vn.motcua.report.report;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;

/**
 * The report job's parameters. {@code period} and {@code revision} identify a job instance; the cutoff,
 * the reason of a correction, the output folder and the classify step's tuning ride along: a restart
 * reuses them as they were, so it resumes the committed chunks and partitions the way they were cut,
 * whatever the settings say now.
 *
 * @param partitions the classify step's partitions, null for the configured ones (an execution that did not record them)
 * @param chunkSize  the classify step's chunk size, null for the configured one
 */
public record ReportParameters(Period period, int revision, String reason, Path out, Integer partitions,
                               Integer chunkSize) {

    /** Where the table and the document go unless --out says otherwise. */
    public static final Path DEFAULT_OUT = Path.of("reports");

    static final String PARTITIONS = "partitions";
    static final String CHUNK_SIZE = "chunkSize";

    /** With the configured tuning. */
    public ReportParameters(Period period, int revision, String reason, Path out) {
        this(period, revision, reason, out, null, null);
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString("period", period.name())
                .addLong("revision", (long) revision)
                .addString("cutoff", period.cutoff().toString(), false)
                .addString("out", out.toAbsolutePath().toString(), false);
        if (reason != null) {
            b.addString("reason", reason, false);
        }
        if (partitions != null) {
            b.addLong(PARTITIONS, partitions.longValue(), false);
        }
        if (chunkSize != null) {
            b.addLong(CHUNK_SIZE, chunkSize.longValue(), false);
        }
        return b.toJobParameters();
    }

    public static ReportParameters from(JobParameters p) {
        Long partitions = p.getLong(PARTITIONS);
        Long chunkSize = p.getLong(CHUNK_SIZE);
        return new ReportParameters(Period.of(p.getString("period"), CutoffDay.parse(p.getString("cutoff"))),
                p.getLong("revision").intValue(), p.getString("reason"), Path.of(p.getString("out")),
                partitions == null ? null : partitions.intValue(), chunkSize == null ? null : chunkSize.intValue());
    }

    /** The same run with the given tuning where none is recorded. */
    ReportParameters tunedBy(int defaultPartitions, int defaultChunkSize) {
        return new ReportParameters(period, revision, reason, out, partitions == null ? defaultPartitions : partitions,
                chunkSize == null ? defaultChunkSize : chunkSize);
    }
}
