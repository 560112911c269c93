package vn.motcua.report.cli;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportParameters;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportKey;

/**
 * {@code run --period P [--centre CODE] [--cutoff-day N|last] [--out DIR]}: the first report (revision 1) of a period,
 * or of one listed centre's dossiers of the period; with jobs/centres.yaml and no --centre, every listed centre's and the
 * consolidation's (the province job).
 */
@Command(name = "run")
public class RunCommand implements Cli.Command, Launcher.Checked {

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.Periods.class)
    PeriodName period;

    @Option(names = "--cutoff-day", paramLabel = "N|last", converter = Converters.Cutoff.class)
    CutoffDay cutoffDay;

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

    /** A period that has not begun is refused before anything starts (with the cutoff given, or any cutoff). */
    @Override
    public void check() {
        if (cutoffDay == null) {
            period.requireBegun(Clock.systemUTC());
        } else {
            period.closedBy(cutoffDay).requireBegun(Clock.systemUTC());
        }
    }

    @Override
    public int execute(Terminal terminal) throws Exception {
        Period p = reports.period(period, cutoffDay);
        // The checks and the job under the period's lock: a second run of the period is refused, never doubled.
        ReportKey report = centre.report(period, jobs);
        try (PeriodLock.Held lock = reports.lock(report)) {
            if (reports.isConsolidation(report)) {
                return outcome.runProvince(terminal, p, report.centre(), reports.firstRun(p, report.centre()), null, out);
            }
            return outcome.run(terminal, p, report.centre(), reports.firstRun(p, report.centre()), null, out);
        }
    }
}
