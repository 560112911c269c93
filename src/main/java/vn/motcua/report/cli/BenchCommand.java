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
import vn.motcua.report.bench.ImportBenchmark;
import vn.motcua.report.db.ScratchDatabase;

/**
 * {@code bench --dossiers N [--periods K] [--keep]}: generates N synthetic dossiers over K months
 * (default 14) in a scratch embedded database, and times one month's report by the job against the JVM
 * and database floors. Ends with one {@code bench: ...} line for scripts.
 */
@Component
public class BenchCommand implements Cli.Command {

    private final Benchmark benchmark;
    private final ImportBenchmark importBenchmark;
    private final Environment environment;
    private final Optional<ScratchDatabase> scratch;

    public BenchCommand(Benchmark benchmark, ImportBenchmark importBenchmark, Environment environment,
                        Optional<ScratchDatabase> scratch) {
        this.benchmark = benchmark;
        this.importBenchmark = importBenchmark;
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
        if (line.flag("import")) {
            return importBench(dossiers, existing, out, err);
        }
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

    /** {@code bench --dossiers N --import}: a first import of N rows against the database floor. */
    private int importBench(long rows, Existing existing, PrintStream out, PrintStream err) throws Exception {
        if (existing.dossiers() != 0) {
            throw new UsageException("bench --import times a first import: it needs an empty database, this one holds "
                    + existing.dossiers() + " dossiers");
        }
        // The export is written beside the scratch database (removed with it), or to a folder removed at the end.
        Path folder = scratch.isEmpty() ? Files.createTempDirectory("motcua-bench-import") : scratch.get().folder();
        try {
            out.printf(Locale.ROOT, "Generating a %,d-row export (Vietnamese headings, semicolons, dd/MM/yyyy HH:mm)%n", rows);
            ImportBenchmark.Result r = importBenchmark.run(rows, folder);
            out.printf(Locale.ROOT, "Generated in %.1f s (%,d bytes); max heap %d MB.%n", r.generateSeconds(), r.bytes(),
                    Runtime.getRuntime().maxMemory() >> 20);
            out.printf(Locale.ROOT, "%-52s %9s %12s%n", "", "seconds", "rows/s");
            out.printf(Locale.ROOT, "%-52s %9.3f %,12.0f%n", "import: first import (read, check, stage, store)",
                    r.importSeconds(), r.rows() / r.importSeconds());
            out.printf(Locale.ROOT, "%-52s %9.3f %,12.0f%n", "floor: PostgreSQL COPY + one INSERT ... SELECT",
                    r.floorSeconds(), r.rows() / r.floorSeconds());
            out.printf(Locale.ROOT, "bench: import_rows=%d added=%d import_s=%.3f floor_s=%.3f import_vs_floor=%.2f"
                    + " heap_peak_mb=%d%n", r.rows(), r.summary().added(), r.importSeconds(), r.floorSeconds(), r.ratio(),
                    r.heapPeakMb());
            if (r.summary().added() != r.rows()) {
                err.println("motcua-report: bench: the import stored " + r.summary().added() + " of " + r.rows() + " rows");
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
