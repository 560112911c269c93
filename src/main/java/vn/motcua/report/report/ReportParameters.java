package vn.motcua.report.report;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.ExecutionHistory;
import vn.motcua.report.revision.ReportKey;

/**
 * The report job's parameters. {@code period}, {@code centre} and {@code revision} identify a job instance (the
 * centre only when it is one: report.yaml's single centre's executions have no {@code centre} parameter, as before
 * there were centres); the cutoff, the reason of a correction, the output folder and the classify step's tuning
 * ride along: a restart reuses them as they were, so it resumes the committed chunks and partitions the way they
 * were cut, whatever the settings say now.
 *
 * @param partitions the classify step's partitions, null for the configured ones (an execution that did not record them)
 * @param chunkSize  the classify step's chunk size, null for the configured one
 * @param centre     the code of the centre whose report this is, {@link ReportKey#SINGLE} for report.yaml's
 * @param classifiedByProvince whether the province job's {@code classifyProvince} step classified the revision's
 *                   dossiers (a centre's report or the consolidation made by one province run): its classify step
 *                   then reads nothing
 */
public record ReportParameters(Period period, int revision, String reason, Path out, Integer partitions,
                               Integer chunkSize, String centre, boolean classifiedByProvince) {

    /** Where the table and the document go unless --out says otherwise. */
    public static final Path DEFAULT_OUT = Path.of("reports");

    static final String PARTITIONS = "partitions";
    static final String CHUNK_SIZE = "chunkSize";

    /** Of a centre's report (or the consolidation, or report.yaml's: {@link ReportKey#SINGLE}) that classifies its own dossiers. */
    public ReportParameters(Period period, int revision, String reason, Path out, Integer partitions,
                            Integer chunkSize, String centre) {
        this(period, revision, reason, out, partitions, chunkSize, centre, false);
    }

    /** Of report.yaml's single centre. */
    public ReportParameters(Period period, int revision, String reason, Path out, Integer partitions,
                            Integer chunkSize) {
        this(period, revision, reason, out, partitions, chunkSize, ReportKey.SINGLE);
    }

    /** With the configured tuning, of report.yaml's single centre. */
    public ReportParameters(Period period, int revision, String reason, Path out) {
        this(period, revision, reason, out, null, null);
    }

    /** Which report the job makes a revision of. */
    public ReportKey report() {
        return new ReportKey(period.named(), centre);
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString("period", period.name());
        if (!centre.isEmpty()) {
            b.addString(ExecutionHistory.CENTRE, centre);
        }
        b.addLong("revision", (long) revision)
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
        if (classifiedByProvince) {
            b.addString(ExecutionHistory.CLASSIFIED_BY_PROVINCE, "true", false);
        }
        return b.toJobParameters();
    }

    public static ReportParameters from(JobParameters p) {
        Long partitions = p.getLong(PARTITIONS);
        Long chunkSize = p.getLong(CHUNK_SIZE);
        String centre = p.getString(ExecutionHistory.CENTRE);
        return new ReportParameters(Period.of(p.getString("period"), CutoffDay.parse(p.getString("cutoff"))),
                p.getLong("revision").intValue(), p.getString("reason"), Path.of(p.getString("out")),
                partitions == null ? null : partitions.intValue(), chunkSize == null ? null : chunkSize.intValue(),
                centre == null ? ReportKey.SINGLE : centre, "true".equals(p.getString(ExecutionHistory.CLASSIFIED_BY_PROVINCE)));
    }

    /** The same run with the given tuning where none is recorded. */
    ReportParameters tunedBy(int defaultPartitions, int defaultChunkSize) {
        return new ReportParameters(period, revision, reason, out, partitions == null ? defaultPartitions : partitions,
                chunkSize == null ? defaultChunkSize : chunkSize, centre, classifiedByProvince);
    }
}
