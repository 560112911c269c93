package vn.motcua.report.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.centre.Centres;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.db.ScratchDatabase;
import vn.motcua.report.importing.ImportService;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportParameters;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportKey;

/**
 * {@code demo [--province] [--out DIR]}: loads the bundled sample data (February 2021, the seed report's figures)
 * and produces the 2021-02 report with cutoff 25, in a scratch database of its own (removed at the end),
 * so that the user's data and reports are never read or touched; only the files go to {@code DIR}.
 * With {@code --province}, the same dossiers received by a small province's centres (demo/province: a provincial
 * centre, a branch, four communes, one unlisted centre, some blank), with the bundled jobs files and that
 * province's centres.yaml in a scratch jobs folder: every centre's report and the consolidation.
 * In-process (tests), it runs in the application's database and jobs folder: loading again changes nothing, and
 * each demo run after the first makes a new revision.
 */
@Command(name = "demo")
public class DemoCommand implements Cli.Command {

    public static final String PERIOD = "2021-02";

    /** The seed report's cutoff day. */
    private static final CutoffDay CUTOFF = CutoffDay.parse("25");

    @Option(names = "--out", paramLabel = "DIR")
    Path out = ReportParameters.DEFAULT_OUT;

    @Option(names = "--province")
    boolean province;

    /** The province demo's scratch jobs folder, removed at the end. */
    private Path provinceJobs;

    /**
     * The demo's own scratch embedded database, removed at the end, whatever the user configured (even a
     * PostgreSQL server through SPRING_DATASOURCE_URL): these properties come before the environment's.
     */
    @Override
    public Map<String, Object> startupProperties() {
        Map<String, Object> properties = new HashMap<>(ScratchDatabase.properties("demo", false));
        properties.put("spring.datasource.url", "");
        if (province) {
            provinceJobs = provinceJobsFolder();
            properties.put("motcua.jobs", provinceJobs.toString());
        }
        return properties;
    }

    /** The bundled jobs files and the demo province's centres.yaml, in a folder of their own. */
    private static Path provinceJobsFolder() {
        Path jobs = ScratchJobs.bundled("motcua-demo-jobs");
        try {
            ScratchJobs.copy("/demo/province/" + Centres.FILE, jobs.resolve(Centres.FILE));
            return jobs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    ImportService importer;

    @Autowired
    JobsFolder jobs;

    @Autowired
    ImportOutcome imported;

    @Autowired
    ReportService reports;

    @Autowired
    ReportOutcome outcome;

    @Override
    public int execute(Terminal terminal) throws Exception {
        try {
            int imported = load(terminal);
            return imported != ExitCode.OK ? imported : report(terminal);
        } finally {
            if (provinceJobs != null) {
                delete(provinceJobs);
            }
        }
    }

    private int load(Terminal terminal) throws Exception {
        Path dir = Files.createTempDirectory("motcua-demo");
        try {
            for (String kind : new String[] {"dossiers", "transfers"}) {
                String resource = province && kind.equals("dossiers") ? "/demo/province/" : "/demo/";
                Path file = ScratchJobs.copy(resource + kind + ".csv", dir.resolve(kind + ".csv"));
                int code = imported.print(importer.importFile(kind, file), Path.of("(demo) " + kind + ".csv"), terminal);
                if (code != ExitCode.OK) {
                    return code;
                }
            }
            return ExitCode.OK;
        } finally {
            delete(dir);
        }
    }

    private int report(Terminal terminal) throws Exception {
        Period period = Period.of(PERIOD, CUTOFF);
        Optional<Centres> centres = province ? Centres.load(jobs) : Optional.empty();
        ReportKey report = centres.map(c -> new ReportKey(period.named(), c.consolidation().code()))
                .orElse(ReportKey.of(period.named()));
        try (PeriodLock.Held lock = reports.lock(report)) {
            int revision = reports.nextRevision(report);
            String reason = revision == 1 ? null : terminal.text("cli.demo.again");
            return centres.isPresent() ? outcome.runProvince(terminal, period, report.centre(), revision, reason, out)
                    : outcome.run(terminal, period, report.centre(), revision, reason, out);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.deleteIfExists(folder);
    }
}
