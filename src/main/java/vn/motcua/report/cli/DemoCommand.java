package vn.motcua.report.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.db.ScratchDatabase;
import vn.motcua.report.importing.ImportService;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportParameters;
import vn.motcua.report.report.ReportService;

/**
 * {@code demo [--out DIR]}: loads the bundled sample data (February 2021, the seed report's figures)
 * and produces the 2021-02 report with cutoff 25, in a scratch database of its own (removed at the end),
 * so that the user's data and reports are never read or touched; only the files go to {@code DIR}.
 * In-process (tests), it runs in the application's database: loading again changes nothing, and each demo
 * run after the first makes a new revision.
 */
@Command(name = "demo")
public class DemoCommand implements Cli.Command {

    public static final String PERIOD = "2021-02";

    /** The seed report's cutoff day. */
    private static final CutoffDay CUTOFF = CutoffDay.parse("25");

    @Option(names = "--out", paramLabel = "DIR")
    Path out = ReportParameters.DEFAULT_OUT;

    /**
     * The demo's own scratch embedded database, removed at the end, whatever the user configured (even a
     * PostgreSQL server through SPRING_DATASOURCE_URL): these properties come before the environment's.
     */
    @Override
    public Map<String, Object> startupProperties() {
        Map<String, Object> properties = new HashMap<>(ScratchDatabase.properties("demo", false));
        properties.put("spring.datasource.url", "");
        return properties;
    }

    @Autowired
    ImportService importer;

    @Autowired
    ImportOutcome imported;

    @Autowired
    ReportService reports;

    @Autowired
    ReportOutcome outcome;

    @Override
    public int execute(Terminal terminal) throws Exception {
        Path dir = Files.createTempDirectory("motcua-demo");
        try {
            for (String kind : new String[] {"dossiers", "transfers"}) {
                Path file = copy("/demo/" + kind + ".csv", dir.resolve(kind + ".csv"));
                int code = imported.print(importer.importFile(kind, file), Path.of("(demo) " + kind + ".csv"), terminal);
                if (code != ExitCode.OK) {
                    return code;
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
        Period period = Period.of(PERIOD, CUTOFF);
        try (PeriodLock.Held lock = reports.lock(period.named())) {
            int revision = reports.nextRevision(period);
            return outcome.run(terminal, period, "", revision, revision == 1 ? null : terminal.text("cli.demo.again"), out);
        }
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
