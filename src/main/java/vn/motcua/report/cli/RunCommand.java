package vn.motcua.report.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportParameters;
import vn.motcua.report.report.ReportService;

/** {@code run --period P [--cutoff-day N|last] [--out DIR]}: the first report (revision 1) of a period. */
@Command(name = "run")
public class RunCommand implements Cli.Command, Launcher.Checked {

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.PeriodName.class)
    String period;

    @Option(names = "--cutoff-day", paramLabel = "N|last", converter = Converters.Cutoff.class)
    CutoffDay cutoffDay;

    @Option(names = "--out", paramLabel = "DIR")
    Path out = ReportParameters.DEFAULT_OUT;

    /** A period that has not begun is refused before anything starts (with the cutoff given, or any cutoff). */
    @Override
    public void check() {
        ReportOutcome.refuseNotBegun(period, cutoffDay == null ? Period.earliestStart(period)
                : Period.of(period, cutoffDay).start());
    }

    @Override
    public int execute(Session session) throws Exception {
        ReportService reports = session.bean(ReportService.class);
        Period p = reports.period(period, cutoffDay == null ? null : cutoffDay.toString());
        // The checks and the job under the period's lock: a second run of the period is refused, never doubled.
        try (PeriodLock.Held lock = reports.lock(p.name())) {
            return ReportOutcome.run(session, p, reports.firstRun(p), null, out);
        }
    }
}
