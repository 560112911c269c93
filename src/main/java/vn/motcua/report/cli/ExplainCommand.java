package vn.motcua.report.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.CellDossiers.CellDossier;
import vn.motcua.report.revision.CellDossiers;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.TableColumn;
import vn.motcua.report.revision.UnitRows;
import vn.motcua.report.system.TextKey;

/**
 * {@code explain --period P [--revision N] [--field CODE|TOTAL] [--unit CODE|NAME] --column NAME [--csv]}: the
 * dossiers behind one cell, of the table by field or of the table by unit (or both: a unit's dossiers of one
 * field), exactly as that revision counted them (default: the latest completed revision).
 */
@Component
public class ExplainCommand implements Cli.Command {

    private static final String[] CSV_HEADER = {"code", "field", "channel", "received_on", "due_on", "finished_on",
            "outcome", "paused_from", "paused_until", "apology_on", "apology_counted", "intake", "result",
            "changed_since"};

    private final ReportService reports;
    private final CellDossiers cells;
    private final UnitRows units;

    public ExplainCommand(ReportService reports, CellDossiers cells, UnitRows units) {
        this.reports = reports;
        this.cells = cells;
        this.units = units;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        String period = reports.periodName(line.option("period", null));
        TableColumn column = TableColumn.named(line.option("column", "")).orElseThrow(() -> new UsageException(
                "unknown column '" + line.option("column", "") + "'; the columns are: " + TableColumn.names()));
        String fieldOption = line.option("field", "TOTAL");
        String unitOption = line.option("unit", null);
        if (!line.has("field") && unitOption == null) {
            throw new UsageException("explain needs --field CODE|TOTAL or --unit CODE|NAME (or both)");
        }
        String field = fieldOption.equalsIgnoreCase("TOTAL") ? null : fieldOption;
        if (field != null && !cells.fieldExists(field)) {
            throw new UsageException("unknown field '" + fieldOption + "'; use a catalogue code as in the CSV table's"
                    + " field column (e.g. dat-dai), or TOTAL");
        }
        Revision revision = reports.toExplain(period, line.number("revision", "a revision number such as 1"));
        ReportRow unit = unitOption == null ? null : unit(revision, unitOption);
        List<CellDossier> dossiers = cells.of(revision, field, unit == null ? null : unit.position(), column);
        if (!revision.completed()) {
            err.println("Note: " + period + " revision " + revision.revision() + " did not complete (status "
                    + revision.status() + "): this is only what its committed chunks counted, not a finished report.");
        }
        if (line.flag("csv")) {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
                for (CellDossier d : dossiers) {
                    csv.printRecord(d.code(), d.field(), d.channel(), d.received(), d.due(), d.finished(), d.outcome(),
                            d.pausedFrom(), d.pausedUntil(), d.apologyOn(), d.apologyCounted(),
                            d.intake().toLowerCase(), d.result().toLowerCase(), d.changedSince());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
        if (unit == null) {
            out.printf("%s revision %d, field %s, column %s: %d dossiers (the table says %d).%n", period,
                    revision.revision(), field == null ? "TOTAL" : field, column.header(), dossiers.size(),
                    tableValue(revision, field, column));
        } else if (field == null) {
            out.printf("%s revision %d, unit %s, column %s: %d dossiers (the table by unit says %d).%n", period,
                    revision.revision(), unit.name(), column.header(), dossiers.size(), column.of(unit.counts()));
        } else {
            out.printf("%s revision %d, unit %s, field %s, column %s: %d dossiers.%n", period, revision.revision(),
                    unit.name(), field, column.header(), dossiers.size());
        }
        if (dossiers.isEmpty()) {
            return ExitCode.OK;
        }
        // Codes and field codes vary in length between centres: the columns fit the longest.
        int codeWidth = dossiers.stream().mapToInt(d -> d.code().length() + 1).max().orElse(4);
        int fieldWidth = dossiers.stream().mapToInt(d -> d.field().length()).max().orElse(5);
        String format = "%-" + codeWidth + "s %-" + fieldWidth + "s %-7s %-10s %-10s %-10s %-9s %-23s %-24s %s%n";
        out.printf(format, "code", "field", "channel", "received", "due", "finished", "outcome", "paused",
                "apology letter", "cell");
        boolean anyChanged = false;
        for (CellDossier d : dossiers) {
            String paused = d.pausedFrom() == null ? "" : d.pausedFrom() + ".." + (d.pausedUntil() == null ? "" : d.pausedUntil());
            String apology = d.apologyOn() == null ? "none"
                    : d.apologyOn() + (d.apologyCounted() ? " (counted)" : " (after E)");
            out.printf(format, d.code() + (d.changedSince() ? "*" : ""), d.field(), d.channel(), date(d.received()),
                    date(d.due()), date(d.finished()), d.outcome() == null ? "open" : d.outcome(), paused, apology,
                    d.intake().toLowerCase() + " " + d.result().toLowerCase());
            anyChanged |= d.changedSince();
        }
        if (anyChanged) {
            out.println("* re-imported with changes after this revision was made: the dates shown are today's,"
                    + " the cell is the revision's.");
        }
        return ExitCode.OK;
    }

    /** The row of the revision's table by unit named by its code or its name, whatever the case or spacing. */
    private ReportRow unit(Revision revision, String option) {
        ReportTable table = units.table(revision);
        String key = TextKey.of(option);
        return table.rows().stream()
                .filter(r -> TextKey.of(r.field()).equals(key) || TextKey.of(r.name()).equals(key)).findFirst()
                .orElseThrow(() -> new UsageException(table.rows().isEmpty()
                        ? revision.period() + " revision " + revision.revision() + " was made before units were counted"
                        : "unknown unit '" + option + "'; use a code or name of the table by unit ("
                                + table.rows().stream().map(ReportRow::field).collect(java.util.stream.Collectors.joining(", "))
                                + ")"));
    }

    private long tableValue(Revision revision, String field, TableColumn column) {
        ReportTable table = reports.table(revision);
        if (field == null) {
            return column.of(table.total());
        }
        return table.rows().stream().filter(r -> r.field().equals(field)).findFirst().map(ReportRow::counts)
                .map(column::of).orElse(0L);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
