package vn.motcua.report.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.db.ScratchDatabase;
import vn.motcua.report.importing.ImportService;
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

    @Override
    public int execute(Session session) throws Exception {
        ImportService importer = session.bean(ImportService.class);
        ReportService reports = session.bean(ReportService.class);
        Path dir = Files.createTempDirectory("motcua-demo");
        try {
            for (String kind : new String[] {"dossiers", "transfers"}) {
                Path file = copy("/demo/" + kind + ".csv", dir.resolve(kind + ".csv"));
                int code = ImportOutcome.print(importer.importFile(kind, file), Path.of("(demo) " + kind + ".csv"),
                        session);
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
        Period period = reports.period(PERIOD, "25");
        try (PeriodLock.Held lock = reports.lock(period.name())) {
            int revision = reports.nextRevision(period);
            return ReportOutcome.run(session, period, revision, revision == 1 ? null : session.text("cli.demo.again"), out);
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
