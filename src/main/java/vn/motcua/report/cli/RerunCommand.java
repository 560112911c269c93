package vn.motcua.report.cli;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.motcua.report.period.PeriodName;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportParameters;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.revision.RevisionComparison;
import vn.motcua.report.revision.RevisionComparison.Cell;
import vn.motcua.report.revision.RevisionComparison.Differences;

/**
 * {@code rerun --period P [--centre CODE] --reason TEXT [--out DIR]}: a corrected report, as a new revision (a new job
 * instance) over the current data, with the corrected revision's cutoff; then what changed, cell by
 * cell, and which dossiers moved between cells.
 */
@Command(name = "rerun")
public class RerunCommand implements Cli.Command, Launcher.Checked {

    /** Moved dossiers printed in full; the rest are counted (explain lists any cell). */
    private static final int SHOWN_MOVES = 100;

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.Periods.class)
    PeriodName period;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", converter = Converters.Text.class)
    String reason;

    @Option(names = "--out", paramLabel = "DIR")
    Path out = ReportParameters.DEFAULT_OUT;

    @Mixin
    CentreOption centre;

    @Autowired
    JobsFolder jobs;

    @Autowired
    ReportService reports;

    @Autowired
    ReportOutcome outcome;

    @Autowired
    RevisionComparison comparison;

    /** A period that has not begun under any cutoff is refused before anything starts. */
    @Override
    public void check() {
        period.requireBegun(Clock.systemUTC());
    }

    @Override
    public int execute(Terminal terminal) throws Exception {
        ReportKey report = centre.report(period, jobs);
        try (PeriodLock.Held lock = reports.lock(report)) {
            ReportService.Correction correction = reports.correction(report);
            int code = reports.isConsolidation(report)
                    ? outcome.runProvince(terminal, correction.period(), report.centre(), correction.revision(), reason, out)
                    : outcome.run(terminal, correction.period(), report.centre(), correction.revision(), reason, out);
            if (code == ExitCode.OK && correction.corrects() != null) {
                print(comparison.compare(correction.corrects(), reports.revision(report, correction.revision())), reason,
                        terminal);
            }
            return code;
        }
    }

    static void print(Differences d, String reason, Terminal t) {
        t.out().println();
        t.say("cli.rerun.corrects", d.after().revision(), d.before().revision(), reason);
        if (d.none()) {
            t.say("cli.rerun.same", d.before().revision());
            return;
        }
        if (!d.rows().isEmpty()) {
            t.say("cli.rerun.rows", d.rows().size());
            d.rows().forEach(r -> t.out().println("  " + switch (r.kind()) {
                case RENAMED -> t.text("cli.rerun.row.renamed", r.field(), r.before(), r.after());
                case ADDED -> t.text("cli.rerun.row.added", r.field(), r.after());
                case RETIRED -> t.text("cli.rerun.row.retired", r.field(), r.before());
            }));
        }
        t.say("cli.rerun.cells", d.cells().size());
        d.cells().forEach(c -> t.out().println("  " + t.text("cli.rerun.cell", c.field(), c.column().header(),
                c.before(), c.after(), (c.after() > c.before() ? "+" : "") + (c.after() - c.before()))));
        if (d.cells().isEmpty()) {
            t.say("cli.rerun.none");
        }
        t.say("cli.rerun.moves", d.moves().size());
        d.moves().stream().limit(SHOWN_MOVES).forEach(m -> t.out().println("  " + t.text("cli.rerun.move",
                m.code(), cell(m.before(), t), cell(m.after(), t))));
        if (d.moves().size() > SHOWN_MOVES) {
            t.say("cli.rerun.more-moves", d.moves().size() - SHOWN_MOVES);
        }
    }

    /** A dossier's cell as explain shows it (codes), its outcome in the user's words; or "not counted". */
    private static String cell(Cell c, Terminal t) {
        if (c == null) {
            return t.text("cli.rerun.not-counted");
        }
        return c.field() + " " + c.intake() + " " + c.result()
                + (c.outcome() == null ? "" : " " + t.text("cli.explain.outcome." + c.outcome()))
                + (c.apology() ? " " + t.text("cli.rerun.apology") : "");
    }
}
