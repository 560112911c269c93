package vn.motcua.report.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.CellDossiers;
import vn.motcua.report.revision.CellDossiers.CellDossier;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.TableColumn;
import vn.motcua.report.revision.UnitRows;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.TextKey;

/**
 * {@code explain --period P [--centre CODE] [--revision N] [--field CODE|TOTAL] [--unit CODE|NAME] --column NAME [--csv]}: the
 * dossiers behind one cell, of the table by field or, with {@code --unit}, of the table by unit (both: a unit's
 * dossiers of one field), exactly as that revision counted them (default: the latest completed revision).
 */
@Command(name = "explain")
public class ExplainCommand implements Cli.Command {

    private static final String[] CSV_HEADER = {"code", "field", "channel", "received_on", "due_on", "finished_on",
            "outcome", "paused_from", "paused_until", "apology_on", "apology_counted", "intake", "result",
            "changed_since"};

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.Periods.class)
    PeriodName period;

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

    @Mixin
    CentreOption centre;

    @Autowired
    JobsFolder jobs;

    @Autowired
    ReportService reports;

    @Autowired
    CellDossiers cells;

    @Autowired
    UnitRows units;

    @Autowired
    ChangedDossiers changed;

    @Override
    public int execute(Terminal t) throws Exception {
        if (field == null && unit == null) {
            throw new Refusal("cli.explain.field-or-unit");
        }
        String code = field == null || field.equalsIgnoreCase("TOTAL") ? null : field;
        if (code != null && !cells.fieldExists(code)) {
            throw new Refusal("cli.explain.unknown-field", field);
        }
        ReportKey report = centre.report(period, jobs);
        Revision r = reports.toExplain(report, revision);
        ReportRow unitRow = unit == null ? null : unitRow(units.table(r), unit);
        List<CellDossier> dossiers = cells.of(r, code, unitRow == null ? null : unitRow.position(), column);
        if (!r.completed()) {
            t.note("cli.explain.not-completed", report, r.revision(), r.status());
        }
        PrintStream out = t.out();
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
            t.say("cli.explain.heading", report, r.revision(), code == null ? "TOTAL" : code,
                    t.text("table.column." + column.header()), dossiers.size(), tableValue(reports, r, code, column));
        } else if (code == null) {
            t.say("cli.explain.unit-heading", report, r.revision(), unitRow.name(),
                    t.text("table.column." + column.header()), dossiers.size(), column.of(unitRow.counts()));
        } else {
            t.say("cli.explain.unit-field-heading", report, r.revision(), unitRow.name(), code,
                    t.text("table.column." + column.header()), dossiers.size());
        }
        // The whole revision's, whatever the cell: the table itself may be out of date.
        long changedSince = r.completed() ? changed.count(r) : 0;
        if (changedSince > 0) {
            t.say("cli.history.changed-since", r.key(), r.revision(), changedSince);
        }
        if (dossiers.isEmpty()) {
            return ExitCode.OK;
        }
        // Codes and field codes vary in length between centres: the columns fit the longest.
        int codeWidth = Math.max(t.text("cli.explain.code").length(),
                dossiers.stream().mapToInt(d -> d.code().length() + 1).max().orElse(4));
        int fieldWidth = Math.max(t.text("cli.explain.field").length(),
                dossiers.stream().mapToInt(d -> d.field().length()).max().orElse(5));
        String format = "%-" + codeWidth + "s %-" + fieldWidth + "s %-10s %-10s %-10s %-10s %-12s %-23s %-28s %s%n";
        out.printf(format, t.text("cli.explain.code"), t.text("cli.explain.field"),
                t.text("cli.explain.channel"), t.text("cli.explain.received"), t.text("cli.explain.due"),
                t.text("cli.explain.finished"), t.text("cli.explain.outcome"),
                t.text("cli.explain.paused"), t.text("cli.explain.apology"), t.text("cli.explain.cell"));
        boolean anyChanged = false;
        for (CellDossier d : dossiers) {
            String paused = d.pausedFrom() == null ? "" : d.pausedFrom() + ".." + (d.pausedUntil() == null ? "" : d.pausedUntil());
            String apology = d.apologyOn() == null ? t.text("cli.explain.no-apology")
                    : t.text(d.apologyCounted() ? "cli.explain.apology-counted" : "cli.explain.apology-after",
                    d.apologyOn().toString());
            out.printf(format, d.code() + (d.changedSince() ? "*" : ""), d.field(),
                    t.text("cli.explain.channel." + d.channel()), date(d.received()), date(d.due()),
                    date(d.finished()), t.text("cli.explain.outcome." + (d.outcome() == null ? "open" : d.outcome())),
                    paused, apology, d.intake().toLowerCase() + " " + d.result().toLowerCase());
            anyChanged |= d.changedSince();
        }
        if (anyChanged) {
            t.say("cli.explain.changed-since");
        }
        return ExitCode.OK;
    }

    /** The row of the revision's table by unit named by its code or its name, whatever the case or spacing. */
    private static ReportRow unitRow(ReportTable units, String option) {
        String key = TextKey.of(option);
        return units.rows().stream()
                .filter(u -> TextKey.of(u.field()).equals(key) || TextKey.of(u.name()).equals(key)).findFirst()
                .orElseThrow(() -> units.rows().isEmpty()
                        ? new Refusal("cli.explain.no-units", units.revision().key(), units.revision().revision())
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
