package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import vn.motcua.report.dossier.ImportRepository.ImportSummary;
import vn.motcua.report.dossier.Importer;
import vn.motcua.report.dossier.Reject;

/** {@code import dossiers|transfers FILE.csv} */
@Component
public class ImportCommand implements Cli.Command {

    /** Refusals printed in full; the rest are counted. */
    private static final int SHOWN_REJECTS = 50;

    private final Importer importer;

    public ImportCommand(Importer importer) {
        this.importer = importer;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        String kind = line.arguments().get(0);
        if (!kind.equals("dossiers") && !kind.equals("transfers")) {
            throw new UsageException("import what? expected 'import dossiers FILE.csv' or 'import transfers FILE.csv'");
        }
        Path file = Path.of(line.arguments().get(1));
        return report(importer.importFile(kind, file), file, out, err);
    }

    static int report(ImportSummary s, Path file, PrintStream out, PrintStream err) {
        if (s.stored()) {
            out.printf("Imported %s from %s: %d rows, %d added, %d changed, %d unchanged.%n",
                    s.kind(), file, s.rowsRead(), s.added(), s.changed(), s.unchanged());
            return ExitCode.OK;
        }
        err.printf("Refused %s: %d of %d rows have errors, so nothing of this file was stored.%n",
                file, s.refusedRows(), s.rowsRead());
        s.rejects().stream().limit(SHOWN_REJECTS).forEach(r -> err.println("  " + r));
        if (s.rejects().size() > SHOWN_REJECTS) {
            err.println("  … and " + (s.rejects().size() - SHOWN_REJECTS) + " more.");
        }
        err.println("Fix these lines and import the file again.");
        return ExitCode.BAD_INPUT;
    }
}
