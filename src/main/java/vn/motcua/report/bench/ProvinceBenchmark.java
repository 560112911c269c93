package vn.motcua.report.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.Period;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.EveryReport;
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

    private final JdbcTemplate jdbc;
    private final ReportService reports;
    private final RevisionRepository revisions;
    private final EveryReport everyReport;
    private final JobRepository jobRepository;
    private final JobsFolder jobs;

    public ProvinceBenchmark(JdbcTemplate jdbc, ReportService reports, RevisionRepository revisions,
                             EveryReport everyReport, JobRepository jobRepository, JobsFolder jobs) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.revisions = revisions;
        this.everyReport = everyReport;
        this.jobRepository = jobRepository;
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
                forgetReports();
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

                if (allSeconds < allCentres) {
                    steps.put("province", steps(all));
                    Map<String, Double> centres = new LinkedHashMap<>();
                    province.codes().forEach(code -> add(centres, steps(new ReportKey(period.named(), code))));
                    steps.put("centres", centres);
                    steps.put("consolidation", steps(consolidation));
                }
                if (singleSeconds < singleBest) {
                    steps.put("single", steps(one));
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

    /**
     * The scratch database without reports, so that a round makes every centre's report: the revisions (the revision
     * room's tables) and the job instances (through the job repository).
     */
    private void forgetReports() {
        everyReport.forget();
        for (String job : jobRepository.getJobNames()) {
            jobRepository.findJobInstances(job).forEach(jobRepository::deleteJobInstance);
        }
    }

    /** The seconds of each step of the report's newest execution, in the order they ran. */
    private Map<String, Double> steps(ReportKey report) {
        return reports.newestExecution(report).map(e -> steps(jobRepository.getJobExecution(e.executionId())))
                .orElse(Map.of());
    }

    /** Each top-level step's seconds, in the order they ran (a partitioned step's workers left out). */
    private static Map<String, Double> steps(JobExecution execution) {
        Map<String, Double> steps = new LinkedHashMap<>();
        execution.getStepExecutions().stream().filter(s -> !s.getStepName().contains(":"))
                .filter(s -> s.getStartTime() != null && s.getEndTime() != null)
                .sorted(Comparator.comparing(StepExecution::getStartTime))
                .forEach(s -> steps.put(s.getStepName(), Duration.between(s.getStartTime(), s.getEndTime()).toNanos() / 1e9));
        return steps;
    }

    private static void add(Map<String, Double> sums, Map<String, Double> steps) {
        steps.forEach((step, s) -> sums.merge(step, s, Double::sum));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
