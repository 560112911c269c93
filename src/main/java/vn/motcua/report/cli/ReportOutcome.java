package vn.motcua.report.cli;


import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.period.Period;
import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.report.DataChangedDuringRun;
import vn.motcua.report.report.ReportParameters;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.CsvTables;
import vn.motcua.report.revision.ExecutionEnding;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.system.Fault;
import vn.motcua.report.system.Refusal;

/**
 * What run, rerun, restart and demo print of one revision's job: how its execution ended (the table and the
 * files, or why it failed and how to resume); and for history, what a recorded execution's ending means.
 */
@Component
class ReportOutcome {

    private final ReportService reports;
    private final Cli cli;

    ReportOutcome(ReportService reports, Cli cli) {
        this.reports = reports;
        this.cli = cli;
    }

    /** Runs the job for one revision, prints the table and the files written; returns the exit code. */
    int run(Terminal t, Period period, String centre, int revision, String reason, Path outDir) throws Exception {
        t.say("cli.run.start", Words.period(t, period) + (centre.isEmpty() ? "" : ", " + centre), revision);
        JobExecution execution = reports.run(period, centre, revision, reason, outDir);
        return finish(t, execution, period, centre, revision);
    }

    /**
     * Runs the province job for a revision of the consolidation; prints each centre's revision it made or kept, then
     * the consolidation's table and files (or why a report of it failed); returns the exit code.
     */
    int runProvince(Terminal t, Period period, String consolidation, int revision, String reason, Path outDir)
            throws Exception {
        t.say("cli.run.start", Words.period(t, period) + ", " + consolidation, revision);
        return finishProvince(t, reports.runProvince(period, consolidation, revision, reason, outDir));
    }

    /** How a province execution ended: the centres' revisions, then as {@link #finish} of the report it tells of. */
    int finishProvince(Terminal t, JobExecution province) {
        ReportParameters params = ReportParameters.from(province.getJobParameters());
        JobExecution shown = reports.outcomeOf(province);
        ReportParameters of = ReportParameters.from(shown.getJobParameters());
        if (province.getStatus() == BatchStatus.COMPLETED) {
            Revision consolidation = reports.revision(params.report(), params.revision());
            for (CentreRows.CitedCentre c : reports.cited(consolidation)) {
                t.say(c.made() ? "cli.province.made" : "cli.province.kept", c.centre(), c.revision());
            }
        }
        int code = finish(t, shown, of.period(), of.centre(), of.revision());
        if (code == ExitCode.OK) {
            t.say("cli.run.wrote", ReportFiles.path(of.out(), reports.revision(of.report(), of.revision()),
                    CsvTables.BY_CENTRE).toString());
        }
        return code;
    }

    /** Prints how the execution ended: the table and the file, or why it failed and how to resume. */
    int finish(Terminal t, JobExecution execution, Period period, String centre, int revision) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Optional<DataChangedDuringRun> changed = DataChangedDuringRun.in(execution);
            if (changed.isPresent()) {
                // Not a fault to look up in the log: one sentence, and the run to make again.
                t.refuse(t.text(changed.get()));
                return ExitCode.FAILED;
            }
            t.note("cli.run.job-failed", execution.getStatus().toString(), Long.toString(execution.getId()));
            execution.getAllFailureExceptions().forEach(thrown -> {
                Refusal refusal = Launcher.refusalIn(thrown);
                Fault fault = refusal == null ? cli.faultOf(thrown) : null;
                t.err().println("  " + (refusal != null ? t.text(refusal) : fault != null ? t.text(fault) : stepFailed(t)));
            });
            if (execution.getStatus() == BatchStatus.ABANDONED) {
                // Resuming cannot help: a new revision over the data as it is now.
                t.note("cli.run.nothing-counts-abandoned", revision, period.name());
            } else {
                t.note("cli.run.nothing-counts", revision, period.name());
            }
            return ExitCode.FAILED;
        }
        Revision done = reports.revision(new ReportKey(period.named(), centre), revision);
        ReportTable table = reports.table(done);
        TablePrinter.print(table, t);
        if (table.total().get(Counter.TOTAL) == 0) {
            t.say("cli.run.no-dossiers", period.name());
        }
        LocalDate today = VietnamTime.today(Clock.systemUTC());
        if (!period.isClosed(today)) {
            t.note("cli.run.not-closed", period.name(), VietnamTime.format(period.end()), VietnamTime.format(today));
        }
        ReportService.Produced files = reports.produced(execution);
        t.say("cli.run.wrote", files.table().toString());
        t.say("cli.run.wrote", files.workbook().toString());
        t.say("cli.run.wrote-draft", files.document().toString());
        return ExitCode.OK;
    }

    /**
     * What the end of a recorded execution means, in the product's words: nothing when it did not fail; that the
     * data changed while it ran; that a refusal stopped it (its sentence was shown as it ran); else the internal
     * failure's, as {@link #finish} words it. Either way the details are in the log.
     */
    String ending(Terminal t, ExecutionEnding ending) {
        return switch (ending) {
            case NONE -> "";
            case DATA_CHANGED -> t.text("cli.history.data-changed");
            case REFUSED -> t.text("cli.history.refused", cli.logFile());
            case FAILED -> stepFailed(t);
        };
    }

    private String stepFailed(Terminal t) {
        return t.text("cli.run.step-failed", cli.logFile());
    }
}
