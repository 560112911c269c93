package vn.motcua.report.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.system.Refusal;

/** {@code run --period P [--cutoff-day N|last] [--out DIR]}: the first report (revision 1) of a period. */
@Command(name = "run")
public class RunCommand implements vn.motcua.report.cli.Command {

    public static final String DEFAULT_OUT = "reports";

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.PeriodName.class)
    String period;

    @Option(names = "--cutoff-day", paramLabel = "N|last", converter = Converters.Cutoff.class)
    CutoffDay cutoffDay;

    @Option(names = "--out", paramLabel = "DIR")
    Path out = Path.of(DEFAULT_OUT);

    @Override
    public int execute(Session session) throws Exception {
        ReportService reports = session.bean(ReportService.class);
        Period p = reports.period(period, cutoffDay == null ? null : cutoffDay.toString());
        // The checks and the job under the period's lock: a second run of the period is refused, never doubled.
        try (PeriodLock.Held lock = reports.lock(p.name())) {
            return run(session, p, reports.firstRun(p), null, out);
        }
    }

    /** Runs the job for one revision, prints the table and the files written; returns the exit code. */
    static int run(Session session, Period period, int revision, String reason, Path outDir) throws Exception {
        session.say("cli.run.start", Words.period(session.terminal(), period), revision);
        JobExecution execution = session.bean(ReportService.class).run(period, revision, reason, outDir);
        return finish(session, execution, period, revision);
    }

    /** Prints how the execution ended: the table and the file, or why it failed and how to resume. */
    static int finish(Session session, JobExecution execution, Period period, int revision) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            session.note("cli.run.job-failed", execution.getStatus().toString(), Long.toString(execution.getId()));
            execution.getAllFailureExceptions().forEach(t -> {
                Refusal refusal = Launcher.refusalIn(t);
                session.err().println("  " + (refusal != null ? session.terminal().text(refusal)
                        : session.text("cli.run.step-failed", session.bean(Cli.class).logFile())));
            });
            session.note("cli.run.nothing-counts", revision, period.name());
            return ExitCode.FAILED;
        }
        ReportService reports = session.bean(ReportService.class);
        Revision done = reports.revision(period.name(), revision);
        TablePrinter.print(reports.table(done), session.terminal());
        ReportService.Produced files = reports.produced(execution);
        session.say("cli.run.wrote", files.table().toString());
        session.say("cli.run.wrote", files.workbook().toString());
        session.say("cli.run.wrote-draft", files.document().toString());
        return ExitCode.OK;
    }
}
