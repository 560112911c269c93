package vn.motcua.report.cli;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportParameters;
import vn.motcua.report.report.ReportService;

/**
 * {@code restart --period P [--out DIR]}: resumes the period's latest failed, stopped or interrupted
 * execution from its last committed chunk, with its parameters. Under the period's lock, so an execution
 * still marked running belongs to a dead process and is recovered first; a live one is refused.
 */
@Command(name = "restart")
public class RestartCommand implements Cli.Command {

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.PeriodName.class)
    String period;

    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Override
    public int execute(Session session) throws Exception {
        ReportService reports = session.bean(ReportService.class);
        try (PeriodLock.Held lock = reports.lock(period)) {
            JobExecution execution = reports.restart(period, out);
            ReportParameters params = ReportParameters.from(execution.getJobParameters());
            session.say("cli.restart.done", Words.period(session.terminal(), params.period()), params.revision(),
                    Long.toString(execution.getId()));
            for (StepExecution step : execution.getStepExecutions()) {
                session.out().printf("  %-12s %-9s %s%n", step.getStepName(), step.getStatus(),
                        session.text("cli.restart.step", step.getReadCount(), step.getWriteCount(), step.getCommitCount()));
            }
            return ReportOutcome.finish(session, execution, params.period(), params.revision());
        }
    }
}
