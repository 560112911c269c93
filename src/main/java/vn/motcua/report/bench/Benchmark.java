package vn.motcua.report.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.MotcuaProperties;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.report.IndependentRecount;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.RevisionRepository;

/**
 * The benchmark (docs/scaling.md): on generated data, one month's report by the job (as {@code run} executes it),
 * by a plain JDBC stream with the same classifier (the JVM floor) and by one SQL statement (the database
 * floor). Each is timed over {@link #ROUNDS} rounds and the best round kept; the three tables must agree.
 */
@Service
public class Benchmark {

    /** The first round warms caches and the JIT; the best of the rounds is reported. */
    public static final int ROUNDS = 3;
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final CutoffDay CUTOFF = CutoffDay.parse("25");

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ReportService reports;
    private final RevisionRepository revisions;
    private final IndependentRecount independentRecount;
    private final int fetchSize;

    public Benchmark(JdbcTemplate jdbc, DataSource dataSource, ReportService reports, RevisionRepository revisions,
                     IndependentRecount independentRecount, MotcuaProperties settings) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.reports = reports;
        this.revisions = revisions;
        this.independentRecount = independentRecount;
        this.fetchSize = settings.fetchSize();
    }

    /** One measured way of producing the table: best time, peak heap, and the table it produced. */
    public record Measure(String name, double seconds, long heapPeakMb, Map<String, Tally> table) {
    }

    /** Two ways that produced different tables (the bench fails). */
    public record Difference(Measure one, Measure other) {
    }

    public record Result(long dossiers, int months, Period period, long inScope, double generateSeconds,
                         Measure job, double jobAllStepsSeconds, Map<String, Double> jobSteps, Measure stream, Measure sql,
                         List<Difference> differences) {

        public double rowsPerSecond(Measure m) {
            return inScope / m.seconds();
        }

        public long heapPeakMb() {
            return Math.max(job.heapPeakMb(), Math.max(stream.heapPeakMb(), sql.heapPeakMb()));
        }
    }

    /** The month measured: the second to last of the generated ones, so that some dossiers fall after it. */
    public static Period period(int months) {
        YearMonth month = YearMonth.from(FIRST_DAY).plusMonths(months - 2);
        return Period.of(month.toString(), CUTOFF);
    }

    /**
     * The dossiers already in the database, all and those bench did not generate: bench runs on an empty
     * database, or on the same data it kept before.
     */
    public record Existing(long dossiers, long notGenerated) {

        /** True when the database holds exactly the N dossiers a previous {@code bench --keep} generated. */
        public boolean holdsGenerated(long n) {
            return dossiers == n && notGenerated == 0;
        }
    }

    /** Counts the dossiers already there, in one scan (seconds at 10M rows): done once, before anything is timed. */
    public Existing existing() {
        return jdbc.queryForObject("SELECT count(*), count(*) FILTER (WHERE code NOT LIKE 'BENCH-%') FROM dossier",
                (rs, n) -> new Existing(rs.getLong(1), rs.getLong(2)));
    }

    /**
     * Runs the benchmark on the database {@link #existing} found; generation time is 0 when the kept data of
     * an earlier run is reused.
     */
    public Result run(long dossiers, int months, Path out, Existing existing) throws Exception {
        double generate = 0;
        if (!existing.holdsGenerated(dossiers)) {
            if (existing.dossiers() != 0) {
                throw new IllegalStateException("bench needs an empty database, this one holds " + existing.dossiers()
                        + " dossiers");
            }
            long t0 = System.nanoTime();
            new SyntheticDossiers(jdbc).generate(dossiers, FIRST_DAY, months);
            generate = seconds(System.nanoTime() - t0);
        }

        Period period = period(months);
        StreamFloor floor = new StreamFloor(dataSource, fetchSize);
        Measure job = null;
        Measure stream = null;
        Measure sql = null;
        double jobAll = Double.MAX_VALUE;
        Map<String, Double> jobSteps = Map.of();
        int firstRevision = reports.nextRevision(ReportKey.of(period.named()));
        for (int round = 1; round <= ROUNDS; round++) {
            int revision = firstRevision + round - 1;
            HeapPeak.reset();
            long start = System.nanoTime();
            JobExecution execution = reports.run(period, revision, revision == 1 ? null : "bench round " + round, out);
            double all = seconds(System.nanoTime() - start);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("the report job " + execution.getStatus() + ": "
                        + execution.getAllFailureExceptions());
            }
            Measure j = new Measure("job", stepSeconds(execution, "classify"), HeapPeak.megabytes(),
                    table(period, revision));
            if (all < jobAll) {
                jobAll = all;
                jobSteps = steps(execution);
            }
            job = best(job, j);

            HeapPeak.reset();
            start = System.nanoTime();
            Map<String, Tally> streamed = floor.byField(period);
            stream = best(stream, new Measure("stream", seconds(System.nanoTime() - start), HeapPeak.megabytes(), streamed));

            HeapPeak.reset();
            start = System.nanoTime();
            Map<String, Tally> counted = independentRecount.byField(period);
            sql = best(sql, new Measure("sql", seconds(System.nanoTime() - start), HeapPeak.megabytes(), counted));
        }
        long inScope = job.table().values().stream().mapToLong(t -> t.get(vn.motcua.report.classify.Counter.TOTAL)).sum();
        List<Difference> differences = new ArrayList<>();
        compare(job, stream, differences);
        compare(job, sql, differences);
        return new Result(dossiers, months, period, inScope, generate, job, jobAll, jobSteps, stream, sql, differences);
    }

    private Map<String, Tally> table(Period period, int revision) {
        Map<String, Tally> table = new TreeMap<>();
        for (ReportRow row : revisions.table(revisions.find(period.named(), revision).orElseThrow()).rows()) {
            if (!row.counts().equals(new Tally())) {
                table.put(row.field(), row.counts());
            }
        }
        return table;
    }

    private static void compare(Measure a, Measure b, List<Difference> differences) {
        if (!new TreeMap<>(a.table()).equals(new TreeMap<>(b.table()))) {
            differences.add(new Difference(a, b));
        }
    }

    /** Keeps the faster measure; the tables of all rounds must be the same. */
    private static Measure best(Measure kept, Measure next) {
        if (kept == null) {
            return next;
        }
        if (!new TreeMap<>(kept.table()).equals(new TreeMap<>(next.table()))) {
            throw new IllegalStateException(next.name() + " gave a different table in another round");
        }
        return next.seconds() < kept.seconds()
                ? new Measure(next.name(), next.seconds(), Math.max(kept.heapPeakMb(), next.heapPeakMb()), next.table())
                : new Measure(kept.name(), kept.seconds(), Math.max(kept.heapPeakMb(), next.heapPeakMb()), kept.table());
    }

    /** Each top-level step's seconds, in the order they ran (a partitioned step's workers left out). */
    private static Map<String, Double> steps(JobExecution execution) {
        Map<String, Double> steps = new java.util.LinkedHashMap<>();
        execution.getStepExecutions().stream().filter(s -> !s.getStepName().contains(":"))
                .sorted(java.util.Comparator.comparing(StepExecution::getStartTime))
                .forEach(s -> steps.put(s.getStepName(), Duration.between(s.getStartTime(), s.getEndTime()).toNanos() / 1e9));
        return steps;
    }

    private static double stepSeconds(JobExecution execution, String step) {
        StepExecution s = execution.getStepExecutions().stream().filter(e -> e.getStepName().equals(step))
                .findFirst().orElseThrow();
        return Duration.between(s.getStartTime(), s.getEndTime()).toNanos() / 1e9;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
