package vn.motcua.report.cli;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
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

/**
 * {@code restart --period P [--centre CODE] [--out DIR]}: resumes the period's latest failed, stopped or interrupted
 * execution from its last committed chunk, with its parameters. Under the period's lock, so an execution
 * still marked running belongs to a dead process and is recovered first; a live one is refused.
 */
@Command(name = "restart")
public class RestartCommand implements Cli.Command {

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.Periods.class)
    PeriodName period;

    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Mixin
    CentreOption centre;

    @Autowired
    JobsFolder jobs;

    @Autowired
    ReportService reports;

    @Autowired
    ReportOutcome outcome;

    @Override
    public int execute(Terminal terminal) throws Exception {
        ReportKey report = centre.report(period, jobs);
        try (PeriodLock.Held lock = reports.lock(report)) {
            boolean province = reports.isConsolidation(report);
            JobExecution execution = province ? reports.restartProvince(report, out) : reports.restart(report, out);
            ReportParameters params = ReportParameters.from(execution.getJobParameters());
            terminal.say("cli.restart.done", Words.period(terminal, params.period()), params.revision(),
                    Long.toString(execution.getId()));
            for (StepExecution step : execution.getStepExecutions()) {
                terminal.out().printf("  %-12s %-9s %s%n", step.getStepName(), step.getStatus(),
                        terminal.text("cli.restart.step", step.getReadCount(), step.getWriteCount(), step.getCommitCount()));
            }
            return province ? outcome.finishProvince(terminal, execution)
                    : outcome.finish(terminal, execution, params.period(), params.centre(), params.revision());
        }
    }
}
