package vn.motcua.report.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.revision.CellDossiers;
import vn.motcua.report.revision.CellDossiers.CellDossier;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.TableColumn;
import vn.motcua.report.revision.UnitRows;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.TextKey;

/**
 * {@code explain --period P [--revision N] [--field CODE|TOTAL] [--unit CODE|NAME] --column NAME [--csv]}: the
 * dossiers behind one cell, of the table by field or, with {@code --unit}, of the table by unit (both: a unit's
 * dossiers of one field), exactly as that revision counted them (default: the latest completed revision).
 */
@Command(name = "explain")
public class ExplainCommand implements Cli.Command {

    private static final String[] CSV_HEADER = {"code", "field", "channel", "received_on", "due_on", "finished_on",
            "outcome", "paused_from", "paused_until", "apology_on", "apology_counted", "intake", "result",
            "changed_since"};

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.PeriodName.class)
    String period;

    @Option(names = "--revision", paramLabel = "N", converter = Converters.RevisionNumber.class)
    Integer revision;

    @Option(names = "--field", paramLabel = "CODE|TOTAL", converter = Converters.Text.class)
    String field;

    @Option(names = "--unit", paramLabel = "CODE|NAME", converter = Converters.Text.class)
    String unit;

    @Option(names = "--column", required = true, paramLabel = "NAME", converter = Converters.Column.class)
    TableColumn column;

    @Option(names = "--csv")
    boolean csv;

    @Override
    public int execute(Session session) throws Exception {
        ReportService reports = session.bean(ReportService.class);
        CellDossiers cells = session.bean(CellDossiers.class);
        if (field == null && unit == null) {
            throw new Refusal("cli.explain.field-or-unit");
        }
        String code = field == null || field.equalsIgnoreCase("TOTAL") ? null : field;
        if (code != null && !cells.fieldExists(code)) {
            throw new Refusal("cli.explain.unknown-field", field);
        }
        Revision r = reports.toExplain(period, revision);
        ReportRow unitRow = unit == null ? null : unitRow(session.bean(UnitRows.class).table(r), unit);
        List<CellDossier> dossiers = cells.of(r, code, unitRow == null ? null : unitRow.position(), column);
        if (!r.completed()) {
            session.note("cli.explain.not-completed", period, r.revision(), r.status());
        }
        PrintStream out = session.out();
        if (csv) {
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
                for (CellDossier d : dossiers) {
                    printer.printRecord(d.code(), d.field(), d.channel(), d.received(), d.due(), d.finished(), d.outcome(),
                            d.pausedFrom(), d.pausedUntil(), d.apologyOn(), d.apologyCounted(),
                            d.intake().toLowerCase(), d.result().toLowerCase(), d.changedSince());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
        if (unitRow == null) {
            session.say("cli.explain.heading", period, r.revision(), code == null ? "TOTAL" : code,
                    session.text("table.column." + column.header()), dossiers.size(), tableValue(reports, r, code, column));
        } else if (code == null) {
            session.say("cli.explain.unit-heading", period, r.revision(), unitRow.name(),
                    session.text("table.column." + column.header()), dossiers.size(), column.of(unitRow.counts()));
        } else {
            session.say("cli.explain.unit-field-heading", period, r.revision(), unitRow.name(), code,
                    session.text("table.column." + column.header()), dossiers.size());
        }
        // The whole revision's, whatever the cell: the table itself may be out of date.
        long changed = r.completed() ? session.bean(ChangedDossiers.class).count(r.period(), r.revision()) : 0;
        if (changed > 0) {
            session.say("cli.history.changed-since", r.period(), r.revision(), changed);
        }
        if (dossiers.isEmpty()) {
            return ExitCode.OK;
        }
        // Codes and field codes vary in length between centres: the columns fit the longest.
        int codeWidth = Math.max(session.text("cli.explain.code").length(),
                dossiers.stream().mapToInt(d -> d.code().length() + 1).max().orElse(4));
        int fieldWidth = Math.max(session.text("cli.explain.field").length(),
                dossiers.stream().mapToInt(d -> d.field().length()).max().orElse(5));
        String format = "%-" + codeWidth + "s %-" + fieldWidth + "s %-10s %-10s %-10s %-10s %-12s %-23s %-28s %s%n";
        out.printf(format, session.text("cli.explain.code"), session.text("cli.explain.field"),
                session.text("cli.explain.channel"), session.text("cli.explain.received"), session.text("cli.explain.due"),
                session.text("cli.explain.finished"), session.text("cli.explain.outcome"),
                session.text("cli.explain.paused"), session.text("cli.explain.apology"), session.text("cli.explain.cell"));
        boolean anyChanged = false;
        for (CellDossier d : dossiers) {
            String paused = d.pausedFrom() == null ? "" : d.pausedFrom() + ".." + (d.pausedUntil() == null ? "" : d.pausedUntil());
            String apology = d.apologyOn() == null ? session.text("cli.explain.no-apology")
                    : session.text(d.apologyCounted() ? "cli.explain.apology-counted" : "cli.explain.apology-after",
                    d.apologyOn().toString());
            out.printf(format, d.code() + (d.changedSince() ? "*" : ""), d.field(),
                    session.text("cli.explain.channel." + d.channel()), date(d.received()), date(d.due()),
                    date(d.finished()), session.text("cli.explain.outcome." + (d.outcome() == null ? "open" : d.outcome())),
                    paused, apology, d.intake().toLowerCase() + " " + d.result().toLowerCase());
            anyChanged |= d.changedSince();
        }
        if (anyChanged) {
            session.say("cli.explain.changed-since");
        }
        return ExitCode.OK;
    }

    /** The row of the revision's table by unit named by its code or its name, whatever the case or spacing. */
    private static ReportRow unitRow(ReportTable units, String option) {
        String key = TextKey.of(option);
        return units.rows().stream()
                .filter(u -> TextKey.of(u.field()).equals(key) || TextKey.of(u.name()).equals(key)).findFirst()
                .orElseThrow(() -> units.rows().isEmpty()
                        ? new Refusal("cli.explain.no-units", units.revision().period(), units.revision().revision())
                        : new Refusal("cli.explain.unknown-unit", option,
                                units.rows().stream().map(ReportRow::field).collect(java.util.stream.Collectors.joining(", "))));
    }

    private static long tableValue(ReportService reports, Revision revision, String field, TableColumn column) {
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
