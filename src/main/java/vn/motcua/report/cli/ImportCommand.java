package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.report.catalogue.CatalogueStore;
import vn.motcua.report.dossier.ChangesSince;
import vn.motcua.report.dossier.ImportProgress;
import vn.motcua.report.dossier.ImportRepository.ImportSummary;
import vn.motcua.report.dossier.Importer;
import vn.motcua.report.dossier.Reject;

/** {@code import dossiers|transfers FILE.csv|FILE.xlsx [--sheet NAME] [--accept-partial]} */
@Component
public class ImportCommand implements Cli.Command {

    /** Refusals printed in full; the rest are in the rejects file. */
    private static final int SHOWN_REJECTS = 50;

    private final Importer importer;
    private final ImportProgress progress;
    private final CatalogueStore catalogue;
    private final MessageSource messages;
    private final Locale locale;

    public ImportCommand(Importer importer, ImportProgress progress, CatalogueStore catalogue, MessageSource messages,
                         @Value("${motcua.lang:vi}") String language) {
        this.importer = importer;
        this.progress = progress;
        this.catalogue = catalogue;
        this.messages = messages;
        this.locale = Locale.forLanguageTag(language);
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        String kind = line.arguments().get(0);
        if (!kind.equals("dossiers") && !kind.equals("transfers")) {
            throw new UsageException("import what? expected 'import dossiers FILE' or 'import transfers FILE'");
        }
        Path file = Path.of(line.arguments().get(1));
        progress.showOn(err);
        try {
            ImportSummary s = importer.importFile(kind, file, line.option("sheet", null), line.flag("accept-partial"));
            int code = report(s, file, out, err);
            if (s.stored() && kind.equals("dossiers")) {
                Map<String, Long> unlisted = catalogue.unlistedUnits(s.id());
                if (!unlisted.isEmpty()) {
                    List<String> named = new ArrayList<>();
                    unlisted.forEach((unit, n) -> named.add(
                            messages.getMessage("catalogue.unlistedUnit", new Object[] {unit, n}, locale)));
                    out.println(messages.getMessage("catalogue.unlistedUnits", new Object[] {String.join("; ", named)},
                            locale));
                }
            }
            return code;
        } finally {
            progress.showOn(null);
        }
    }

    static int report(ImportSummary s, Path file, PrintStream out, PrintStream err) {
        if (!s.ignoredHeadings().isEmpty()) {
            err.println("Columns not used: " + String.join(", ", s.ignoredHeadings())
                    + " (a misspelt heading is ignored too: see the headings in the README or jobs/import-mapping.yaml)");
        }
        if (s.refusedRows() > 0) {
            err.printf("%s: %d of %d rows refused (%d problems):%n", file, s.refusedRows(), s.rowsRead(), s.refusals());
            for (Map.Entry<Reject.Rule, Integer> e : s.refusalsByRule().entrySet()) {
                err.printf("  %,8d  %s (%s)%n", e.getValue(), e.getKey().en(), e.getKey().vi());
            }
            s.rejects().stream().limit(SHOWN_REJECTS).forEach(r -> err.println("  " + r));
            if (s.refusals() > SHOWN_REJECTS) {
                err.println("  … and " + (s.refusals() - SHOWN_REJECTS) + " more.");
            }
            err.println(s.rejectsFile() != null
                    ? "Every refusal, with its line, is in " + s.rejectsFile()
                    : "The rejects file could not be written beside the input (details in the log).");
        }
        if (!s.stored()) {
            err.println("Refused: nothing of this file was stored. Fix these lines and import the file again"
                    + " (or store the other rows with --accept-partial).");
            return ExitCode.BAD_INPUT;
        }
        out.printf("Imported %s from %s: %d rows, %d added, %d changed, %d unchanged%s.%n", s.kind(), file,
                s.rowsRead() - s.refusedRows(), s.added(), s.changed(), s.unchanged(),
                s.refusedRows() > 0 ? "; " + s.refusedRows() + " refused rows not stored" : "");
        for (ChangesSince.PeriodChange c : s.changedPeriods()) {
            out.printf("Data for %s changed since revision %d was produced: %d dossier%s. A corrected report is a new"
                    + " revision.%n", c.period(), c.revision(), c.dossiers(), c.dossiers() == 1 ? "" : "s");
        }
        return ExitCode.OK;
    }
}
