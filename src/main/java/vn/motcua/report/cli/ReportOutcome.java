package vn.motcua.report.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.period.Period;
import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.report.DataChangedDuringRun;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.system.Fault;
import vn.motcua.report.system.Refusal;

/**
 * What run, rerun, restart and demo share: a period that has not begun is refused, one revision's job is run,
 * and how its execution ended is printed (the table and the files, or why it failed and how to resume), also
 * for history.
 */
final class ReportOutcome {

    /** The exception's class at the start of a stack trace and of each "Caused by:" line. */
    private static final Pattern THROWN = Pattern.compile(
            "(?m)^(?:Caused by: )?([a-zA-Z_$][\\w$]*(?:\\.[a-zA-Z_$][\\w$]*)+)(?::|$)");

    private ReportOutcome() {
    }

    /** A period starting after today (Vietnam's) is refused: nothing could be counted yet. */
    static void refuseNotBegun(String period, LocalDate start) {
        LocalDate today = VietnamTime.today(Clock.systemUTC());
        if (start.isAfter(today)) {
            throw new Refusal("cli.run.not-begun", period, VietnamTime.format(start), VietnamTime.format(today));
        }
    }

    /** Runs the job for one revision, prints the table and the files written; returns the exit code. */
    static int run(Session session, Period period, int revision, String reason, Path outDir) throws Exception {
        // The configured cutoff is known only now: the exact start decides.
        refuseNotBegun(period.name(), period.start());
        session.say("cli.run.start", Words.period(session.terminal(), period), revision);
        JobExecution execution = session.bean(ReportService.class).run(period, revision, reason, outDir);
        return finish(session, execution, period, revision);
    }

    /** Prints how the execution ended: the table and the file, or why it failed and how to resume. */
    static int finish(Session session, JobExecution execution, Period period, int revision) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Optional<DataChangedDuringRun> changed = DataChangedDuringRun.in(execution);
            if (changed.isPresent()) {
                // Not a fault to look up in the log: one sentence, and the run to make again.
                session.terminal().refuse(session.terminal().text(changed.get()));
                return ExitCode.FAILED;
            }
            session.note("cli.run.job-failed", execution.getStatus().toString(), Long.toString(execution.getId()));
            execution.getAllFailureExceptions().forEach(t -> {
                Refusal refusal = Launcher.refusalIn(t);
                Fault fault = refusal == null ? session.bean(Cli.class).faultOf(t) : null;
                session.err().println("  " + (refusal != null ? session.terminal().text(refusal)
                        : fault != null ? session.terminal().text(fault) : stepFailed(session)));
            });
            session.note("cli.run.nothing-counts", revision, period.name());
            return ExitCode.FAILED;
        }
        ReportService reports = session.bean(ReportService.class);
        Revision done = reports.revision(period.name(), revision);
        ReportTable table = reports.table(done);
        TablePrinter.print(table, session.terminal());
        if (table.total().get(Counter.TOTAL) == 0) {
            session.say("cli.run.no-dossiers", period.name());
        }
        LocalDate today = VietnamTime.today(Clock.systemUTC());
        if (!period.isClosed(today)) {
            session.note("cli.run.not-closed", period.name(), VietnamTime.format(period.end()), VietnamTime.format(today));
        }
        ReportService.Produced files = reports.produced(execution);
        session.say("cli.run.wrote", files.table().toString());
        session.say("cli.run.wrote", files.workbook().toString());
        session.say("cli.run.wrote-draft", files.document().toString());
        return ExitCode.OK;
    }

    /**
     * What the end of a recorded execution means, in the product's words, for its exit message as Spring Batch
     * stored it (an exception's stack trace when a step failed, cut at 2,500 characters; never shown): nothing
     * when there is none; that the data changed while it ran, when it did; a refusal's when the stored trace names
     * one (its sentence was shown as it ran); else the internal failure's, as {@link #finish} words it. Either way
     * the details are in the log.
     */
    static String ending(Session session, String exitMessage) {
        if (exitMessage == null || exitMessage.isBlank()) {
            return "";
        }
        if (exitMessage.contains(DataChangedDuringRun.class.getName())) {
            return session.text("cli.history.data-changed");
        }
        return refused(exitMessage) ? session.text("cli.history.refused", session.bean(Cli.class).logFile())
                : stepFailed(session);
    }

    /** Whether a stored stack trace is of a refusal: its exception, or one of its causes, is a {@link Refusal}. */
    static boolean refused(String stackTrace) {
        Matcher m = THROWN.matcher(stackTrace);
        while (m.find()) {
            try {
                if (Refusal.class.isAssignableFrom(Class.forName(m.group(1), false, ReportOutcome.class.getClassLoader()))) {
                    return true;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // A class of another version, or not a class name at all: not one of the product's refusals.
            }
        }
        return false;
    }

    private static String stepFailed(Session session) {
        return session.text("cli.run.step-failed", session.bean(Cli.class).logFile());
    }
}
