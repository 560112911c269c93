package vn.motcua.report.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Component;

import vn.motcua.report.dossier.Importer;
import vn.motcua.report.period.Period;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;

/**
 * {@code demo [--out DIR]}: loads the bundled sample data (February 2021, the seed report's figures)
 * and produces the 2021-02 report with cutoff 25. Loading again changes nothing; each demo run after the
 * first makes a new revision.
 */
@Component
public class DemoCommand implements Cli.Command {

    public static final String PERIOD = "2021-02";

    private final Importer importer;
    private final ReportService reports;
    private final RunCommand runCommand;

    public DemoCommand(Importer importer, ReportService reports, RunCommand runCommand) {
        this.importer = importer;
        this.reports = reports;
        this.runCommand = runCommand;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        Path dir = Files.createTempDirectory("motcua-demo");
        try {
            for (String kind : new String[] {"dossiers", "transfers"}) {
                Path file = copy("/demo/" + kind + ".csv", dir.resolve(kind + ".csv"));
                int code = ImportCommand.report(importer.importFile(kind, file), Path.of("(demo) " + kind + ".csv"), out, err);
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
            return runCommand.run(period, revision, revision == 1 ? null : "demo run again",
                    Path.of(line.option("out", RunCommand.DEFAULT_OUT)), out, err);
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
