package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportParameters;
import vn.motcua.report.report.ReportService;

/**
 * {@code restart --period P [--out DIR]}: resumes the period's latest failed, stopped or interrupted
 * execution from its last committed chunk, with its parameters. Under the period's lock, so an execution
 * still marked running belongs to a dead process and is recovered first; a live one is refused.
 */
@Component
public class RestartCommand implements Cli.Command {

    private final ReportService reports;
    private final RunCommand runCommand;

    public RestartCommand(ReportService reports, RunCommand runCommand) {
        this.reports = reports;
        this.runCommand = runCommand;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        String period = reports.periodName(line.option("period", null));
        String outDir = line.option("out", null);
        try (PeriodLock.Held lock = reports.lock(period)) {
            JobExecution execution = reports.restart(period, outDir == null ? null : Path.of(outDir));
            ReportParameters params = ReportParameters.from(execution.getJobParameters());
            out.println("Restarted " + params.period().describe() + ", revision " + params.revision()
                    + " (execution " + execution.getId() + ")");
            for (StepExecution step : execution.getStepExecutions()) {
                out.printf("  %-12s %-9s read %d, written %d, commits %d%n", step.getStepName(), step.getStatus(),
                        step.getReadCount(), step.getWriteCount(), step.getCommitCount());
            }
            return runCommand.finish(execution, params.period(), params.revision(), out, err);
        }
    }
}
