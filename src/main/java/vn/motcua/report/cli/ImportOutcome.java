package vn.motcua.report.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.report.catalogue.CatalogueStore;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.importing.ChangesSince;
import vn.motcua.report.importing.source.ImportLayout;
import vn.motcua.report.importing.ImportSummary;
import vn.motcua.report.importing.check.Reject;

/** What import and demo print of an import's summary. */
@Component
class ImportOutcome {

    /** Refusals printed in full; the rest are in the rejects file. */
    private static final int SHOWN_REJECTS = 50;

    private final CatalogueStore catalogue;

    ImportOutcome(CatalogueStore catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * What an import did: how the file was read, the rows refused and why, what was stored, and the units the
     * stored dossiers name that the catalogue does not list; returns the exit code (2 when nothing was stored).
     */
    int print(ImportSummary s, Path file, Terminal t) {
        layout(s, t);
        if (!s.ignoredHeadings().isEmpty()) {
            t.note("cli.import.ignored-headings", String.join(", ", s.ignoredHeadings()));
        }
        if (s.refusedRows() > 0) {
            t.note("cli.import.refused-rows", file.toString(), s.refusedRows(), s.rowsRead(), s.refusals());
            for (Map.Entry<Reject.Rule, Integer> e : s.refusalsByRule().entrySet()) {
                // The rule's own two names (dossier room): the user's language first.
                boolean english = t.messages().locale().getLanguage().equals("en");
                t.err().printf("  %,8d  %s (%s)%n", e.getValue(), english ? e.getKey().en() : e.getKey().vi(),
                        english ? e.getKey().vi() : e.getKey().en());
            }
            s.rejects().stream().limit(SHOWN_REJECTS).forEach(r -> t.err().println("  " + r));
            if (s.refusals() > SHOWN_REJECTS) {
                t.note("cli.import.more-refusals", s.refusals() - SHOWN_REJECTS);
            }
            if (s.rejectsFile() != null) {
                t.note("cli.import.rejects-file", s.rejectsFile().toString());
            } else {
                t.note("cli.import.no-rejects-file");
            }
        }
        if (!s.stored()) {
            t.note(s.refusedRows() > 0 && s.refusedRows() >= s.rowsRead() ? "cli.import.nothing-valid"
                    : "cli.import.nothing-stored");
            return ExitCode.BAD_INPUT;
        }
        t.say(s.refusedRows() > 0 ? "cli.import.stored-partly" : "cli.import.stored",
                t.text("cli.import.kind." + s.kind()), file.toString(), s.rowsRead() - s.refusedRows(),
                s.added(), s.changed(), s.unchanged(), s.refusedRows());
        if (s.notCountedRows() > 0) {
            t.say("import.notCounted", s.notCountedRows(), String.join(", ", s.notCounted()),
                    s.notCountedRows() > s.notCounted().size() ? 1 : 0);
        }
        for (ChangesSince.PeriodChange c : s.changedPeriods()) {
            t.say("cli.import.period-changed", c.period(), c.revision(), c.dossiers());
        }
        if (ImportCommand.Kind.dossiers.name().equals(s.kind())) {
            unlistedUnits(s, t);
            unlistedCentres(s, t);
        }
        return ExitCode.OK;
    }

    /** The units the stored dossiers name that the catalogue does not list, for staff to add (or alias). */
    private void unlistedUnits(ImportSummary s, Terminal t) {
        Map<String, Long> unlisted = catalogue.unlistedUnits(s.id());
        if (!unlisted.isEmpty()) {
            List<String> named = new ArrayList<>();
            unlisted.forEach((unit, n) -> named.add(t.text("catalogue.unlistedUnit", unit, n)));
            t.say("catalogue.unlistedUnits", String.join("; ", named));
        }
    }

    /** The receiving centres the stored dossiers name that centres.yaml does not list, for staff to add (or alias). */
    private static void unlistedCentres(ImportSummary s, Terminal t) {
        if (!s.unlistedCentres().isEmpty()) {
            List<String> named = new ArrayList<>();
            s.unlistedCentres().forEach((centre, n) -> named.add(t.text(Centres.UNLISTED_ENTRY, centre, n)));
            t.say(Centres.UNLISTED_MESSAGE, String.join("; ", named));
        }
    }

    /** How the file was read: the sheet taken and the others, the heading's rows, the rows skipped (one line). */
    private static void layout(ImportSummary s, Terminal t) {
        ImportLayout l = s.layout();
        if (l == null) {
            return;
        }
        if (l.sheet() != null) {
            t.note("import.layout.sheet", l.sheet(), l.otherSheets().size(),
                    String.join(", ", l.otherSheets().stream().map(n -> "\"" + n + "\"").toList()));
        }
        if (l.headingFirst() > 0 && (l.headingFirst() > 1 || l.headingLast() > l.headingFirst())) {
            t.note("import.layout.heading." + l.rowWord(), l.headingFirst()
                    + (l.headingLast() > l.headingFirst() ? "–" + l.headingLast() : ""),
                    l.headingLast() > l.headingFirst() ? 1 : 0);
        }
        if (l.skippedRows() > 0) {
            StringBuilder parts = new StringBuilder();
            l.skipped().forEach((kind, lines) -> {
                if (lines.count() > 0) {
                    parts.append(parts.isEmpty() ? "" : "; ").append(t.text("import.layout.skip." + kind.name()
                            .toLowerCase(java.util.Locale.ROOT), lines.count(), lines.text()));
                }
            });
            t.note("import.layout.skipped", l.skippedRows(), parts.toString());
        }
    }
}
