package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionComparison.Differences;
import vn.motcua.report.revision.RevisionComparison;

/**
 * {@code rerun --period P --reason TEXT [--out DIR]}: a corrected report, as a new revision (a new job
 * instance) over the current data, with the corrected revision's cutoff; then what changed, cell by
 * cell, and which dossiers moved between cells.
 */
@Component
public class RerunCommand implements Cli.Command {

    /** Moved dossiers printed in full; the rest are counted (explain lists any cell). */
    private static final int SHOWN_MOVES = 100;

    private final ReportService reports;
    private final RunCommand runCommand;
    private final RevisionComparison comparison;

    public RerunCommand(ReportService reports, RunCommand runCommand, RevisionComparison comparison) {
        this.reports = reports;
        this.runCommand = runCommand;
        this.comparison = comparison;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        String name = reports.periodName(line.option("period", null));
        String reason = line.option("reason", "").strip();
        if (reason.isEmpty()) {
            throw new UsageException("rerun needs a --reason saying why the report is corrected");
        }
        try (PeriodLock.Held lock = reports.lock(name)) {
            ReportService.Correction correction = reports.correction(name);
            int code = runCommand.run(correction.period(), correction.revision(), reason,
                    Path.of(line.option("out", RunCommand.DEFAULT_OUT)), out, err);
            if (code == ExitCode.OK) {
                print(comparison.compare(correction.corrects(), reports.revision(name, correction.revision())), reason,
                        out);
            }
            return code;
        }
    }

    static void print(Differences d, String reason, PrintStream out) {
        out.println();
        out.println("Revision " + d.after().revision() + " corrects revision " + d.before().revision()
                + " (reason: " + reason + ").");
        if (d.none()) {
            out.println("No cell changed and no dossier moved: the table is the same as revision "
                    + d.before().revision() + "'s.");
            return;
        }
        if (!d.rows().isEmpty()) {
            out.println("Rows the catalogue changed (" + d.rows().size() + "):");
            d.rows().forEach(r -> out.println("  " + r));
        }
        out.println("Cells that changed (" + d.cells().size() + "):");
        d.cells().forEach(c -> out.println("  " + c));
        if (d.cells().isEmpty()) {
            out.println("  none");
        }
        out.println("Dossiers that moved between cells (" + d.moves().size() + "):");
        d.moves().stream().limit(SHOWN_MOVES).forEach(m -> out.println("  " + m));
        if (d.moves().size() > SHOWN_MOVES) {
            out.println("  … and " + (d.moves().size() - SHOWN_MOVES) + " more (explain lists the dossiers of any cell).");
        }
    }
}
