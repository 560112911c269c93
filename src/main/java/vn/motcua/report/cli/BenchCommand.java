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
import org.springframework.util.StringUtils;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import vn.motcua.report.bench.Benchmark;
import vn.motcua.report.bench.Benchmark.Existing;
import vn.motcua.report.bench.Benchmark.Measure;
import vn.motcua.report.bench.Benchmark.Result;
import vn.motcua.report.bench.ImportBenchmark;
import vn.motcua.report.db.ScratchDatabase;
import vn.motcua.report.system.Refusal;

/**
 * {@code bench --dossiers N [--periods K] [--keep]}: generates N synthetic dossiers over K months
 * (default 14) in a scratch embedded database, and times one month's report by the job against the JVM
 * and database floors. Ends with one {@code bench: ...} line for scripts.
 */
@Command(name = "bench")
public class BenchCommand implements Cli.Command {

    @Option(names = "--dossiers", required = true, paramLabel = "N", converter = Dossiers.class)
    long dossiers;

    @Option(names = "--periods", paramLabel = "K", converter = Months.class)
    int months = 14;

    /** Times a first import of an N-row export instead, against PostgreSQL's own COPY + INSERT … SELECT. */
    @Option(names = "--import")
    boolean importBench;

    @Option(names = "--keep")
    boolean keep;

    static final class Dossiers implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.whole(value, 1_000, 100_000_000, "cli.bench.dossiers");
        }
    }

    static final class Months implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) Converters.whole(value, 2, 120, "cli.bench.periods");
        }
    }

    /**
     * bench generates millions of dossiers: into a scratch database of its own, never the real one. With
     * --keep, one per size, so the next bench --keep of the same size reuses the generated data.
     */
    @Override
    public Map<String, Object> startupProperties() {
        return ScratchDatabase.properties("bench-" + dossiers + "x" + months, keep);
    }

    @Override
    public int execute(Session session) throws Exception {
        Environment environment = session.bean(Environment.class);
        Benchmark benchmark = session.bean(Benchmark.class);
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new Refusal("cli.bench.needs-embedded");
        }
        Existing existing = benchmark.existing();
        if (importBench) {
            return importBench(session, existing);
        }
        boolean reuse = existing.dossiers() != 0 && existing.holdsGenerated(dossiers);
        if (existing.dossiers() != 0 && !reuse) {
            throw new Refusal("cli.bench.not-empty", existing.dossiers());
        }
        Optional<ScratchDatabase> scratch = Optional.ofNullable(session.spring().getBeanProvider(ScratchDatabase.class)
                .getIfAvailable());
        // The job's tables go beside the scratch database (removed with it), or to a folder removed at the end.
        Path folder = scratch.isEmpty() ? Files.createTempDirectory("motcua-bench-out") : scratch.get().folder();
        PrintStream out = session.out();
        try {
            session.say(reuse ? "cli.bench.reusing" : "cli.bench.generating", String.format(Locale.ROOT, "%,d", dossiers),
                    months, scratch.isEmpty() ? session.text("cli.bench.configured-database") : folder.toString());
            Result r = benchmark.run(dossiers, months, folder.resolve("reports"), existing);
            print(r, session.terminal());
            scratch.filter(ScratchDatabase::kept).ifPresent(s -> session.say("cli.bench.kept", s.database().toString()));
            if (!r.differences().isEmpty()) {
                r.differences().forEach(d -> session.err().println("motcua-report: bench: " + d));
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
    private int importBench(Session session, Existing existing) throws Exception {
        if (existing.dossiers() != 0) {
            throw new Refusal("cli.bench.import-not-empty", existing.dossiers());
        }
        ScratchDatabase scratch = session.spring().getBeanProvider(ScratchDatabase.class).getIfAvailable();
        // The export is written beside the scratch database (removed with it), or to a folder removed at the end.
        Path folder = scratch == null ? Files.createTempDirectory("motcua-bench-import") : scratch.folder();
        PrintStream out = session.out();
        try {
            out.printf(Locale.ROOT, "Generating a %,d-row export (Vietnamese headings, semicolons, dd/MM/yyyy HH:mm)%n",
                    dossiers);
            ImportBenchmark.Result r = session.bean(ImportBenchmark.class).run(dossiers, folder);
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
                session.err().println("motcua-report: bench: the import stored " + r.summary().added() + " of "
                        + r.rows() + " rows");
                return ExitCode.FAILED;
            }
            return ExitCode.OK;
        } finally {
            if (scratch == null) {
                delete(folder);
            }
        }
    }

    static void print(Result r, Terminal t) {
        PrintStream out = t.out();
        t.say("cli.bench.summary", r.generateSeconds() == 0 ? t.text("cli.bench.data-reused")
                        : t.text("cli.bench.generated-in", String.format(Locale.ROOT, "%.1f", r.generateSeconds())),
                Words.period(t, r.period()), String.format(Locale.ROOT, "%,d", r.inScope()), Benchmark.ROUNDS,
                Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "%-36s %9s %12s %14s%n", "", "seconds", "rows/s", "heap peak MB");
        row(out, "job: classify step (as run does it)", r.job(), r);
        out.printf(Locale.ROOT, "%-36s %9.3f%n", "job: all steps (check, CSV, PDF)", r.jobAllStepsSeconds());
        StringBuilder steps = new StringBuilder();
        r.jobSteps().forEach((step, s) -> steps.append(steps.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.3f", step, s)));
        out.printf("%-36s %s%n", "  its steps (seconds)", steps);
        row(out, "stream: plain JDBC + Classifier", r.stream(), r);
        row(out, "sql: one SQL statement", r.sql(), r);
        t.say(r.differences().isEmpty() ? "cli.bench.identical" : "cli.bench.differ");
        out.printf(Locale.ROOT, "bench: dossiers=%d in_scope=%d job_s=%.3f stream_s=%.3f sql_s=%.3f job_vs_stream=%.2f"
                        + " job_vs_sql=%.2f heap_peak_mb=%d%n",
                r.dossiers(), r.inScope(), r.job().seconds(), r.stream().seconds(), r.sql().seconds(),
                r.job().seconds() / r.stream().seconds(), r.job().seconds() / r.sql().seconds(), r.heapPeakMb());
    }

    private static void row(PrintStream out, String name, Measure m, Result r) {
        out.printf(Locale.ROOT, "%-36s %9.3f %,12.0f %14d%n", name, m.seconds(), r.rowsPerSecond(m), m.heapPeakMb());
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
