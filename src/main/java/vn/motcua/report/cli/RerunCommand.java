package vn.motcua.report.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.period.Period;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportParameters;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.RevisionComparison;
import vn.motcua.report.revision.RevisionComparison.Cell;
import vn.motcua.report.revision.RevisionComparison.Differences;

/**
 * {@code rerun --period P --reason TEXT [--out DIR]}: a corrected report, as a new revision (a new job
 * instance) over the current data, with the corrected revision's cutoff; then what changed, cell by
 * cell, and which dossiers moved between cells.
 */
@Command(name = "rerun")
public class RerunCommand implements Cli.Command, Launcher.Checked {

    /** Moved dossiers printed in full; the rest are counted (explain lists any cell). */
    private static final int SHOWN_MOVES = 100;

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.PeriodName.class)
    String period;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", converter = Converters.Text.class)
    String reason;

    @Option(names = "--out", paramLabel = "DIR")
    Path out = ReportParameters.DEFAULT_OUT;

    @Override
    public void check() {
        ReportOutcome.refuseNotBegun(period, Period.earliestStart(period));
    }

    @Override
    public int execute(Session session) throws Exception {
        ReportService reports = session.bean(ReportService.class);
        try (PeriodLock.Held lock = reports.lock(period)) {
            ReportService.Correction correction = reports.correction(period);
            int code = ReportOutcome.run(session, correction.period(), correction.revision(), reason, out);
            if (code == ExitCode.OK && correction.corrects() != null) {
                print(session.bean(RevisionComparison.class).compare(correction.corrects(),
                        reports.revision(period, correction.revision())), reason, session);
            }
            return code;
        }
    }

    static void print(Differences d, String reason, Session session) {
        session.out().println();
        session.say("cli.rerun.corrects", d.after().revision(), d.before().revision(), reason);
        if (d.none()) {
            session.say("cli.rerun.same", d.before().revision());
            return;
        }
        if (!d.rows().isEmpty()) {
            session.say("cli.rerun.rows", d.rows().size());
            d.rows().forEach(r -> session.out().println("  " + switch (r.kind()) {
                case RENAMED -> session.text("cli.rerun.row.renamed", r.field(), r.before(), r.after());
                case ADDED -> session.text("cli.rerun.row.added", r.field(), r.after());
                case RETIRED -> session.text("cli.rerun.row.retired", r.field(), r.before());
            }));
        }
        session.say("cli.rerun.cells", d.cells().size());
        d.cells().forEach(c -> session.out().println("  " + session.text("cli.rerun.cell", c.field(), c.column().header(),
                c.before(), c.after(), (c.after() > c.before() ? "+" : "") + (c.after() - c.before()))));
        if (d.cells().isEmpty()) {
            session.say("cli.rerun.none");
        }
        session.say("cli.rerun.moves", d.moves().size());
        d.moves().stream().limit(SHOWN_MOVES).forEach(m -> session.out().println("  " + session.text("cli.rerun.move",
                m.code(), cell(m.before(), session), cell(m.after(), session))));
        if (d.moves().size() > SHOWN_MOVES) {
            session.say("cli.rerun.more-moves", d.moves().size() - SHOWN_MOVES);
        }
    }

    /** A dossier's cell as explain shows it (codes), its outcome in the user's words; or "not counted". */
    private static String cell(Cell c, Session session) {
        if (c == null) {
            return session.text("cli.rerun.not-counted");
        }
        return c.field() + " " + c.intake() + " " + c.result()
                + (c.outcome() == null ? "" : " " + session.text("cli.explain.outcome." + c.outcome()))
                + (c.apology() ? " " + session.text("cli.rerun.apology") : "");
    }
}
