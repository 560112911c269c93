package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import vn.motcua.report.period.Period;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportJobConfiguration;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.report.TableCsv;
import vn.motcua.report.revision.Revision;

/** {@code run --period YYYY-MM [--cutoff-day N|last] [--out DIR]}: the first report of a period. */
@Component
public class RunCommand implements Cli.Command {

    public static final String DEFAULT_OUT = "reports";

    private final ReportService reports;

    public RunCommand(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        Period period = reports.period(line.option("period", null), line.option("cutoff-day", null));
        // The checks and the job under the period's lock: a second run of the period is refused, never doubled.
        try (PeriodLock.Held lock = reports.lock(period.name())) {
            return run(period, reports.firstRun(period), null, Path.of(line.option("out", DEFAULT_OUT)), out, err);
        }
    }

    /** Runs the job for one revision, prints the table and the files written; returns the exit code. */
    int run(Period period, int revision, String reason, Path outDir, PrintStream out, PrintStream err) throws Exception {
        out.println("Report " + period.describe() + ", revision " + revision);
        JobExecution execution = reports.run(period, revision, reason, outDir);
        return finish(execution, period, revision, out, err);
    }

    /** Prints how the execution ended: the table and the file, or why it failed and how to resume. */
    int finish(JobExecution execution, Period period, int revision, PrintStream out, PrintStream err) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            err.println("motcua-report: the report job " + execution.getStatus() + " (execution " + execution.getId() + ")");
            execution.getAllFailureExceptions().forEach(t -> err.println("  " + Cli.rootMessage(t)));
            err.println("Nothing of revision " + revision + " counts as a finished report."
                    + " Fix the cause, then: restart --period " + period.name());
            return ExitCode.FAILED;
        }
        Revision done = reports.revision(period.name(), revision);
        TableCsv.print(reports.table(done), out);
        out.println("Wrote " + execution.getExecutionContext().getString(ReportJobConfiguration.TABLE_PATH));
        out.println("Wrote " + execution.getExecutionContext().getString(ReportJobConfiguration.WORKBOOK_PATH));
        out.println("Wrote " + execution.getExecutionContext().getString(ReportJobConfiguration.DOCUMENT_PATH)
                + " (draft: DỰ THẢO on every page until sign-off)");
        return ExitCode.OK;
    }
}
