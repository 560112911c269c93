package vn.motcua.report.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.Period;
import vn.motcua.report.report.ProvinceJobConfiguration;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.RevisionRepository;

/**
 * {@code bench --centres K} (docs/scaling.md): on dossiers received by K generated centres
 * ({@link SyntheticProvince}), the province's month-end run as {@code run --period P} starts it with centres.yaml
 * (every centre's report and the consolidation, documents included) against the same data reported as one centre
 * (no centres.yaml: one report). Each is timed over {@link #ROUNDS} rounds from a database without reports (the
 * scratch database's earlier reports are removed, so every centre's report is made each round), the best round
 * kept; the consolidation's table by field must equal the single report's.
 */
@Service
public class ProvinceBenchmark {

    /** The first round warms caches and the JIT; each round makes every report again, so it is long at scale. */
    public static final int ROUNDS = 2;

    /**
     * The report tables and the job repository, emptied before each round: the database holds only generated
     * dossiers (bench refuses any other), and a province run makes a centre's report only when it has none.
     */
    private static final String FORGET_REPORTS = """
            TRUNCATE report_seal, report_renewal, report_cited_centre, report_centre_row, report_dossier_block,
                     report_row, report_unit_row, report_unit_name, report_unit_sum, report_revision,
                     batch_step_execution_context, batch_step_execution, batch_job_execution_context,
                     batch_job_execution_params, batch_job_execution, batch_job_instance""";

    /** The report executions' steps summed by step, the listed centres' apart from the consolidation's and the single's. */
    private static final String STEP_SECONDS = """
            SELECT CASE WHEN i.job_name = ? THEN 'province' WHEN coalesce(p.parameter_value, '') = '' THEN 'single'
                        WHEN p.parameter_value = ? THEN 'consolidation' ELSE 'centres' END AS part,
                   s.step_name, sum(extract(epoch FROM s.end_time - s.start_time)) AS seconds, min(s.start_time) AS first
              FROM batch_step_execution s
              JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
              JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
              LEFT JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id AND p.parameter_name = 'centre'
             WHERE s.step_name NOT LIKE '%:%' AND s.end_time IS NOT NULL
             GROUP BY 1, 2
             ORDER BY 1, first""";

    private final JdbcTemplate jdbc;
    private final ReportService reports;
    private final RevisionRepository revisions;
    private final JobsFolder jobs;

    public ProvinceBenchmark(JdbcTemplate jdbc, ReportService reports, RevisionRepository revisions, JobsFolder jobs) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.revisions = revisions;
        this.jobs = jobs;
    }

    /**
     * The best round of each way. {@code steps}: of the best province round and single round, each report step's
     * seconds summed over the centres' reports ("centres", run several at once, so the sum exceeds the wall time),
     * the consolidation's and the single report's.
     */
    public record Result(long dossiers, int centres, Period period, long inScope, double generateSeconds,
                         double allCentresSeconds, double singleSeconds, long heapPeakMb, long consolidationTotal,
                         long singleTotal, boolean tablesIdentical, Map<String, Map<String, Double>> steps) {

        public double ratio() {
            return allCentresSeconds / singleSeconds;
        }
    }

    /**
     * Runs the benchmark on the database {@link Benchmark#existing} found (empty, or holding the N dossiers of an
     * earlier run of the same size), with centres.yaml written into the jobs folder {@code centresFile} names while
     * the province is measured and removed for the single report.
     */
    public Result run(long dossiers, int months, SyntheticProvince province, Path centresFile, Path out,
                      Benchmark.Existing existing) throws Exception {
        double generate = 0;
        if (!existing.holdsGenerated(dossiers)) {
            long t0 = System.nanoTime();
            new SyntheticDossiers(jdbc).generate(dossiers, Benchmark.FIRST_DAY, months, province);
            generate = seconds(System.nanoTime() - t0);
        }
        Period period = Benchmark.period(months);
        ReportKey consolidation = new ReportKey(period.named(), SyntheticProvince.CONSOLIDATION);
        ReportKey single = ReportKey.of(period.named());
        double allCentres = Double.MAX_VALUE;
        double singleBest = Double.MAX_VALUE;
        long heapPeak = 0;
        Map<String, Tally> consolidationTable = null;
        Map<String, Tally> singleTable = null;
        Map<String, Map<String, Double>> steps = new LinkedHashMap<>();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                jdbc.execute(FORGET_REPORTS);
                Path roundOut = out.resolve("round-" + round);

                Files.writeString(centresFile, province.centresYaml(), StandardCharsets.UTF_8);
                jobs.readAfresh();
                HeapPeak.reset();
                long start = System.nanoTime();
                JobExecution all = reports.runProvince(period, consolidation.centre(), 1, null, roundOut);
                double allSeconds = seconds(System.nanoTime() - start);
                heapPeak = Math.max(heapPeak, HeapPeak.megabytes());
                completed(all, "the province job");
                consolidationTable = table(consolidation);

                Files.delete(centresFile);
                jobs.readAfresh();
                HeapPeak.reset();
                start = System.nanoTime();
                JobExecution one = reports.run(period, 1, null, roundOut);
                double singleSeconds = seconds(System.nanoTime() - start);
                heapPeak = Math.max(heapPeak, HeapPeak.megabytes());
                completed(one, "the single report job");
                singleTable = table(single);

                if (allSeconds < allCentres || singleSeconds < singleBest) {
                    Map<String, Map<String, Double>> now = steps();
                    if (allSeconds < allCentres) {
                        steps.put("province", now.getOrDefault("province", Map.of()));
                        steps.put("centres", now.getOrDefault("centres", Map.of()));
                        steps.put("consolidation", now.getOrDefault("consolidation", Map.of()));
                    }
                    if (singleSeconds < singleBest) {
                        steps.put("single", now.getOrDefault("single", Map.of()));
                    }
                }
                allCentres = Math.min(allCentres, allSeconds);
                singleBest = Math.min(singleBest, singleSeconds);
            }
        } finally {
            Files.deleteIfExists(centresFile);
            jobs.readAfresh();
        }
        return new Result(dossiers, province.centres(), period, total(singleTable), generate, allCentres, singleBest,
                heapPeak, total(consolidationTable), total(singleTable), consolidationTable.equals(singleTable), steps);
    }

    private static void completed(JobExecution execution, String what) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException(what + " " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
        }
    }

    private Map<String, Tally> table(ReportKey report) {
        Map<String, Tally> table = new TreeMap<>();
        for (ReportRow row : revisions.table(revisions.find(report, 1).orElseThrow()).rows()) {
            if (!row.counts().equals(new Tally())) {
                table.put(row.field(), row.counts());
            }
        }
        return table;
    }

    private static long total(Map<String, Tally> table) {
        return table.values().stream().mapToLong(t -> t.get(Counter.TOTAL)).sum();
    }

    private Map<String, Map<String, Double>> steps() {
        Map<String, Map<String, Double>> parts = new LinkedHashMap<>();
        jdbc.query(STEP_SECONDS, rs -> {
            parts.computeIfAbsent(rs.getString("part"), p -> new LinkedHashMap<>())
                    .put(rs.getString("step_name"), rs.getDouble("seconds"));
        }, ProvinceJobConfiguration.JOB_NAME, SyntheticProvince.CONSOLIDATION);
        return parts;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
