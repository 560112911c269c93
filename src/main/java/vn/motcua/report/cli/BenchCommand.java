package vn.motcua.report.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.motcua.report.bench.Benchmark;
import vn.motcua.report.bench.Benchmark.Existing;
import vn.motcua.report.bench.Benchmark.Measure;
import vn.motcua.report.bench.Benchmark.Result;
import vn.motcua.report.db.ScratchDatabase;

/**
 * {@code bench --dossiers N [--periods K] [--keep]}: generates N synthetic dossiers over K months
 * (default 14) in a scratch embedded database, and times one month's report by the job against the JVM
 * and database floors. Ends with one {@code bench: ...} line for scripts.
 */
@Component
public class BenchCommand implements Cli.Command {

    private final Benchmark benchmark;
    private final Environment environment;
    private final Optional<ScratchDatabase> scratch;

    public BenchCommand(Benchmark benchmark, Environment environment, Optional<ScratchDatabase> scratch) {
        this.benchmark = benchmark;
        this.environment = environment;
        this.scratch = scratch;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        long dossiers = number(line.option("dossiers", null), "--dossiers", 1_000, 100_000_000);
        int months = (int) number(line.option("periods", "14"), "--periods", 2, 120);
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new UsageException("bench makes its own scratch database; unset SPRING_DATASOURCE_URL to run it");
        }
        Existing existing = benchmark.existing();
        boolean reuse = existing.dossiers() != 0 && existing.holdsGenerated(dossiers);
        if (existing.dossiers() != 0 && !reuse) {
            throw new UsageException("bench needs an empty database (or the data of an earlier bench --keep with the"
                    + " same --dossiers), this one holds " + existing.dossiers() + " dossiers");
        }
        // The job's tables go beside the scratch database (removed with it), or to a folder removed at the end.
        Path folder = scratch.isEmpty() ? Files.createTempDirectory("motcua-bench-out") : scratch.get().folder();
        try {
            out.printf(Locale.ROOT, "%s %,d dossiers over %d months in %s%n", reuse ? "Reusing the kept" : "Generating",
                    dossiers, months, scratch.isEmpty() ? "the configured database" : folder);
            Result r = benchmark.run(dossiers, months, folder.resolve("reports"), existing);
            print(r, out);
            scratch.filter(ScratchDatabase::kept).ifPresent(s -> out.println("Kept the scratch database in "
                    + s.database() + " (bench --keep with the same size reuses it)"));
            if (!r.differences().isEmpty()) {
                r.differences().forEach(d -> err.println("motcua-report: bench: " + d));
                return ExitCode.FAILED;
            }
            return ExitCode.OK;
        } finally {
            if (scratch.isEmpty()) {
                delete(folder);
            }
        }
    }

    static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%s Month %s, %,d dossiers in scope; best of %d rounds; max heap %d MB.%n",
                r.generateSeconds() == 0 ? "Data reused." : String.format(Locale.ROOT, "Generated in %.1f s.", r.generateSeconds()),
                r.period().describe(), r.inScope(), Benchmark.ROUNDS, Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "%-36s %9s %12s %14s%n", "", "seconds", "rows/s", "heap peak MB");
        row(out, "job: classify step (as run does it)", r.job(), r);
        out.printf(Locale.ROOT, "%-36s %9.3f%n", "job: all steps (check, CSV, PDF)", r.jobAllStepsSeconds());
        StringBuilder steps = new StringBuilder();
        r.jobSteps().forEach((step, s) -> steps.append(steps.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.3f", step, s)));
        out.printf("%-36s %s%n", "  its steps (seconds)", steps);
        row(out, "stream: plain JDBC + Classifier", r.stream(), r);
        row(out, "sql: one SQL statement", r.sql(), r);
        out.println(r.differences().isEmpty() ? "Tables: job, stream and sql are identical." : "Tables DIFFER.");
        out.printf(Locale.ROOT, "bench: dossiers=%d in_scope=%d job_s=%.3f stream_s=%.3f sql_s=%.3f job_vs_stream=%.2f"
                        + " job_vs_sql=%.2f heap_peak_mb=%d%n",
                r.dossiers(), r.inScope(), r.job().seconds(), r.stream().seconds(), r.sql().seconds(),
                r.job().seconds() / r.stream().seconds(), r.job().seconds() / r.sql().seconds(), r.heapPeakMb());
    }

    private static void row(PrintStream out, String name, Measure m, Result r) {
        out.printf(Locale.ROOT, "%-36s %9.3f %,12.0f %14d%n", name, m.seconds(), r.rowsPerSecond(m), m.heapPeakMb());
    }

    private static long number(String value, String option, long min, long max) {
        if (value == null) {
            throw new UsageException("bench needs " + option + " N (usage: bench --dossiers N [--periods K] [--keep])");
        }
        String digits = value.replace("_", "").replace(",", "");
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw new UsageException(option + " must be between " + min + " and " + max + ", not " + value);
        }
        return n;
    }

    /**
     * bench generates millions of dossiers: into a scratch database of its own, never the real one. With
     * --keep, one folder per size, so the next bench --keep of the same size reuses the generated data.
     */
    static Map<String, Object> startupProperties(CommandLine line) {
        return ScratchDatabase.properties("bench-" + line.option("dossiers", "").replaceAll("[^0-9]", "") + "x"
                + line.option("periods", "14").replaceAll("[^0-9]", ""), line.flag("keep"));
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
