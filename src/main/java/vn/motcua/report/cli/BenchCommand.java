package vn.motcua.report.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Autowired;
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
import vn.motcua.report.bench.ProvinceBenchmark;
import vn.motcua.report.bench.SyntheticProvince;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.config.JobsFolder;
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

    /**
     * The dossiers received by K generated centres: the province's run (every centre's report and the consolidation)
     * is timed against the same data reported as one centre.
     */
    @Option(names = "--centres", paramLabel = "K", converter = CentreCount.class)
    Integer centres;

    /** bench --centres' own jobs folder (the bundled files; bench adds and removes centres.yaml), removed at the end. */
    private Path scratchJobs;

    @Autowired
    Environment environment;

    @Autowired
    Benchmark benchmark;

    @Autowired
    ImportBenchmark importBenchmark;

    @Autowired
    ProvinceBenchmark provinceBenchmark;

    @Autowired
    JobsFolder jobs;

    /** The scratch database of {@link #startupProperties()}; absent when a test runs bench in its own database. */
    @Autowired
    Optional<ScratchDatabase> scratch;

    static final class Dossiers implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.whole(value, 1_000, 100_000_000, "cli.bench.dossiers");
        }
    }

    static final class CentreCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) Converters.whole(value, 1, 999, "cli.bench.centres");
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
        if (centres == null || importBench) {
            return ScratchDatabase.properties("bench-" + dossiers + "x" + months, keep);
        }
        // The centres are in the generated data: kept data is reused only by a bench with as many centres.
        Map<String, Object> properties = new HashMap<>(ScratchDatabase.properties(
                "bench-" + dossiers + "x" + months + "c" + centres, keep));
        scratchJobs = ScratchJobs.bundled("motcua-bench-jobs");
        properties.put("motcua.jobs", scratchJobs.toString());
        return properties;
    }

    @Override
    public int execute(Terminal t) throws Exception {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new Refusal("cli.bench.needs-embedded");
        }
        if (importBench && centres != null) {
            throw new Refusal("cli.bench.centres-import");
        }
        Existing existing = benchmark.existing();
        if (importBench) {
            return importBench(t, existing);
        }
        boolean reuse = existing.dossiers() != 0 && existing.holdsGenerated(dossiers);
        if (existing.dossiers() != 0 && !reuse) {
            throw new Refusal("cli.bench.not-empty", existing.dossiers());
        }
        if (centres != null) {
            try {
                return provinceBench(t, existing, reuse);
            } finally {
                if (scratchJobs != null) {
                    ScratchJobs.delete(scratchJobs);
                }
            }
        }
        // The job's tables go beside the scratch database (removed with it), or to a folder removed at the end.
        Path folder = scratch.isEmpty() ? Files.createTempDirectory("motcua-bench-out") : scratch.get().folder();
        PrintStream out = t.out();
        try {
            t.say(reuse ? "cli.bench.reusing" : "cli.bench.generating", String.format(Locale.ROOT, "%,d", dossiers),
                    months, scratch.isEmpty() ? t.text("cli.bench.configured-database") : folder.toString());
            Result r = benchmark.run(dossiers, months, folder.resolve("reports"), existing);
            print(r, t);
            scratch.filter(ScratchDatabase::kept).ifPresent(s -> t.say("cli.bench.kept", s.database().toString()));
            if (!r.differences().isEmpty()) {
                r.differences().forEach(d -> t.refuse(t.text("cli.bench.tables-differ",
                        d.one().name(), d.other().name(), new TreeMap<>(d.one().table()), new TreeMap<>(d.other().table()))));
                return ExitCode.FAILED;
            }
            return ExitCode.OK;
        } finally {
            if (scratch.isEmpty()) {
                delete(folder);
            }
        }
    }

    /** {@code bench --dossiers N --centres K}: the province's run against the same data as one centre. */
    private int provinceBench(Terminal t, Existing existing, boolean reuse) throws Exception {
        // centres.yaml goes into the jobs folder, written and removed by the bench: never over one that is there.
        Path centresFile = jobs.resolve(Centres.FILE).filter(f -> !Files.exists(f))
                .orElseThrow(() -> new Refusal("cli.bench.centres-file", jobs.describe()));
        Path folder = scratch.isEmpty() ? Files.createTempDirectory("motcua-bench-out") : scratch.get().folder();
        try {
            t.say(reuse ? "cli.bench.reusing" : "cli.bench.generating", String.format(Locale.ROOT, "%,d", dossiers),
                    months, scratch.isEmpty() ? t.text("cli.bench.configured-database") : folder.toString());
            ProvinceBenchmark.Result r = provinceBenchmark.run(dossiers, months, new SyntheticProvince(centres),
                    centresFile, folder.resolve("reports"), existing);
            t.say("cli.bench.province.summary", r.generateSeconds() == 0 ? t.text("cli.bench.data-reused")
                            : t.text("cli.bench.generated-in", String.format(Locale.ROOT, "%.1f", r.generateSeconds())),
                    Words.period(t, r.period()), String.format(Locale.ROOT, "%,d", r.inScope()), r.centres(),
                    ProvinceBenchmark.ROUNDS, Runtime.getRuntime().maxMemory() >> 20);
            Table table = new Table(t, 44, List.of("cli.bench.province.all", "cli.bench.province.single"),
                    new int[] {9}, "cli.bench.seconds");
            table.row("cli.bench.province.all", String.format(Locale.ROOT, "%.3f", r.allCentresSeconds()));
            table.row("cli.bench.province.single", String.format(Locale.ROOT, "%.3f", r.singleSeconds()));
            r.steps().forEach((part, steps) -> table.line("cli.bench.province.steps." + part, steps(steps)));
            t.say(r.tablesIdentical() ? "cli.bench.province.identical" : "cli.bench.province.differ",
                    String.format(Locale.ROOT, "%,d", r.consolidationTotal()),
                    String.format(Locale.ROOT, "%,d", r.singleTotal()));
            scratch.filter(ScratchDatabase::kept).ifPresent(s -> t.say("cli.bench.kept", s.database().toString()));
            t.out().printf(Locale.ROOT, "bench: dossiers=%d centres=%d in_scope=%d all_centres_s=%.3f single_s=%.3f"
                            + " all_centres_vs_single=%.2f heap_peak_mb=%d%n", r.dossiers(), r.centres(), r.inScope(),
                    r.allCentresSeconds(), r.singleSeconds(), r.ratio(), r.heapPeakMb());
            return r.tablesIdentical() ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            if (scratch.isEmpty()) {
                delete(folder);
            }
        }
    }

    private static String steps(Map<String, Double> steps) {
        StringBuilder line = new StringBuilder();
        steps.forEach((step, s) -> line.append(line.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.3f", step, s)));
        return line.toString();
    }

    /** {@code bench --dossiers N --import}: a first import of N rows against the database floor. */
    private int importBench(Terminal t, Existing existing) throws Exception {
        if (existing.dossiers() != 0) {
            throw new Refusal("cli.bench.import-not-empty", existing.dossiers());
        }
        // The export is written beside the scratch database (removed with it), or to a folder removed at the end.
        Path folder = scratch.isEmpty() ? Files.createTempDirectory("motcua-bench-import") : scratch.get().folder();
        PrintStream out = t.out();
        try {
            t.say("cli.bench.import.generating", String.format(Locale.ROOT, "%,d", dossiers));
            ImportBenchmark.Result r = importBenchmark.run(dossiers, folder);
            t.say("cli.bench.import.generated", String.format(Locale.ROOT, "%.1f", r.generateSeconds()),
                    String.format(Locale.ROOT, "%,d", r.bytes()), Runtime.getRuntime().maxMemory() >> 20);
            Table table = new Table(t, 52, List.of("cli.bench.import.import", "cli.bench.import.floor"), new int[] {9, 12},
                    "cli.bench.seconds", "cli.bench.rows-per-second");
            table.row("cli.bench.import.import", String.format(Locale.ROOT, "%.3f", r.importSeconds()),
                    String.format(Locale.ROOT, "%,.0f", r.rows() / r.importSeconds()));
            table.row("cli.bench.import.floor", String.format(Locale.ROOT, "%.3f", r.floorSeconds()),
                    String.format(Locale.ROOT, "%,.0f", r.rows() / r.floorSeconds()));
            out.printf(Locale.ROOT, "bench: import_rows=%d added=%d import_s=%.3f floor_s=%.3f import_vs_floor=%.2f"
                    + " heap_peak_mb=%d%n", r.rows(), r.summary().added(), r.importSeconds(), r.floorSeconds(), r.ratio(),
                    r.heapPeakMb());
            if (r.summary().added() != r.rows()) {
                t.refuse(t.text("cli.bench.import.stored-part", r.summary().added(), r.rows()));
                return ExitCode.FAILED;
            }
            return ExitCode.OK;
        } finally {
            if (scratch.isEmpty()) {
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
        Table table = new Table(t, 36, List.of("cli.bench.job", "cli.bench.job-all-steps",
                "cli.bench.job-steps", "cli.bench.stream", "cli.bench.sql"), new int[] {9, 12, 14},
                "cli.bench.seconds", "cli.bench.rows-per-second", "cli.bench.heap-peak");
        row(table, "cli.bench.job", r.job(), r);
        table.row("cli.bench.job-all-steps", String.format(Locale.ROOT, "%.3f", r.jobAllStepsSeconds()));
        StringBuilder steps = new StringBuilder();
        r.jobSteps().forEach((step, s) -> steps.append(steps.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.3f", step, s)));
        table.line("cli.bench.job-steps", steps.toString());
        row(table, "cli.bench.stream", r.stream(), r);
        row(table, "cli.bench.sql", r.sql(), r);
        t.say(r.differences().isEmpty() ? "cli.bench.identical" : "cli.bench.differ");
        out.printf(Locale.ROOT, "bench: dossiers=%d in_scope=%d job_s=%.3f stream_s=%.3f sql_s=%.3f job_vs_stream=%.2f"
                        + " job_vs_sql=%.2f heap_peak_mb=%d%n",
                r.dossiers(), r.inScope(), r.job().seconds(), r.stream().seconds(), r.sql().seconds(),
                r.job().seconds() / r.stream().seconds(), r.job().seconds() / r.sql().seconds(), r.heapPeakMb());
    }

    private static void row(Table table, String key, Measure m, Result r) {
        table.row(key, String.format(Locale.ROOT, "%.3f", m.seconds()), String.format(Locale.ROOT, "%,.0f", r.rowsPerSecond(m)),
                Long.toString(m.heapPeakMb()));
    }

    /**
     * The bench's table on the terminal: a label per way (a key of the message source) and its figures, right
     * aligned under the column heads; the labels' column and each figure's as wide as asked, or as the longest
     * label or the head when wider (the Vietnamese ones are longer).
     */
    private static final class Table {
        private final Terminal t;
        private final int labelWidth;
        private final List<String> heads = new ArrayList<>();
        private final int[] widths;

        Table(Terminal t, int labelWidth, List<String> labelKeys, int[] widths, String... headKeys) {
            this.t = t;
            this.labelWidth = Math.max(labelWidth, labelKeys.stream().mapToInt(k -> t.text(k).length()).max().orElse(0));
            this.widths = widths.clone();
            for (int i = 0; i < headKeys.length; i++) {
                heads.add(t.text(headKeys[i]));
                this.widths[i] = Math.max(widths[i], heads.get(i).length());
            }
            row(null, heads.toArray(String[]::new));
        }

        /** A way's figures, in the order of the heads. */
        void row(String labelKey, String... figures) {
            StringBuilder line = new StringBuilder(pad(labelKey == null ? "" : t.text(labelKey), labelWidth));
            for (int i = 0; i < figures.length; i++) {
                line.append(' ').append(" ".repeat(Math.max(0, widths[i] - figures[i].length()))).append(figures[i]);
            }
            t.out().println(line);
        }

        /** A label and free text after it. */
        void line(String labelKey, String text) {
            t.out().println(pad(t.text(labelKey), labelWidth) + " " + text);
        }

        private static String pad(String s, int width) {
            return s.length() >= width ? s : s + " ".repeat(width - s.length());
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
