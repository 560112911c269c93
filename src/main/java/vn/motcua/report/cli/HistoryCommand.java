package vn.motcua.report.cli;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.ExecutionHistory;
import vn.motcua.report.revision.ExecutionHistory.ExecutionRecord;
import vn.motcua.report.revision.ExecutionHistory.StepRecord;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.system.Refusal;

/**
 * {@code history [--period P [--centre CODE]] [--json]}: every execution of the report job, newest first; of one
 * period (every centre's report of it), or of one centre's report of the period.
 */
@Command(name = "history")
public class HistoryCommand implements Cli.Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--period", paramLabel = "P", converter = Converters.Periods.class)
    PeriodName period;

    @Option(names = "--json")
    boolean json;

    @Mixin
    CentreOption centre;

    @Autowired
    JobsFolder jobs;

    @Autowired
    ExecutionHistory history;

    @Autowired
    ChangedDossiers changed;

    @Autowired
    SignedRevisions signedRevisions;

    @Autowired
    ReportOutcome outcome;

    /**
     * One execution as {@code --json} writes it; times ISO-8601 with their offset (+07:00); the exit message in
     * the product's words (Spring Batch's own, a stack trace, stays in the database and the log); for the execution
     * that completed its revision, how many of its dossiers imports changed since ({@code changedSince}; else null).
     */
    record ExecutionJson(long executionId, String period, int revision, String status, String start, String end,
                         Long durationMillis, boolean signed, String host, Long pid, String exitMessage,
                         Long changedSince, List<StepRecord> steps, String signatureLevel, String verifiableUntil,
                         String centre) {
        static ExecutionJson of(ExecutionRecord e, String ending, Long changedSince, SignedRevisions.LongTerm lasting) {
            return new ExecutionJson(e.executionId(), e.period(), e.revision(), e.status().name(), iso(e.start()), iso(e.end()),
                    e.duration().map(Duration::toMillis).orElse(null), e.signed(), e.host(), e.pid(), ending, changedSince,
                    e.steps(), lasting == null ? null : lasting.level(), lasting == null ? null : iso(lasting.verifiableUntil()),
                    e.centre());
        }

        private static String iso(OffsetDateTime t) {
            return t == null ? null : t.toString();
        }
    }

    @Override
    public int execute(Terminal t) {
        if (period == null && !centre.code.isEmpty()) {
            throw new Refusal("cli.history.centre-without-period");
        }
        // Without --centre, every report of the period: report.yaml's one centre's and each centre's.
        List<ExecutionRecord> executions = period == null ? history.executions((ReportKey) null)
                : centre.code.isEmpty() ? history.ofPeriod(period) : history.executions(centre.report(period, jobs));
        if (json) {
            t.out().println(json(executions, t));
            return ExitCode.OK;
        }
        if (executions.isEmpty()) {
            t.say(period == null ? "cli.history.none" : "cli.history.none-of", period);
            return ExitCode.OK;
        }
        t.say("cli.history.times");
        // A centre's report is named "2021-02 xa-an-phu": the column fits the longest.
        int periodWidth = Math.max(8, executions.stream().mapToInt(e -> label(e).length()).max().orElse(8));
        String format = "%9s  %-" + periodWidth + "s %4s  %-9s  %-19s  %-19s  %9s  %s%n";
        t.out().printf(format, t.text("cli.history.execution"), t.text("cli.history.period"),
                t.text("cli.history.revision"), t.text("cli.history.status"), t.text("cli.history.start"),
                t.text("cli.history.end"), t.text("cli.history.duration"), t.text("cli.history.signed"));
        for (ExecutionRecord e : executions) {
            t.out().printf(format, e.executionId(), label(e), e.revision(), e.status(), time(e.start()),
                    time(e.end()), e.duration().map(HistoryCommand::duration).orElse(""),
                    t.text(e.signed() ? "cli.history.yes" : "cli.history.no"));
            SignedRevisions.LongTerm lasting = longTerm(e);
            if (lasting != null) {
                t.out().printf("%13s %s%n", "", t.text("cli.history.long-term", e.report(), e.revision(),
                        lasting.level(), lasting.verifiableUntil() == null ? "-" : time(lasting.verifiableUntil())));
            }
            Long changedSince = dossiersChangedSince(e);
            if (changedSince != null && changedSince > 0) {
                t.out().printf("%13s %s%n", "", t.text("cli.history.changed-since", e.report(), e.revision(),
                        changedSince));
            }
            if (e.classifiedByProvince()) {
                t.out().printf("%13s %s%n", "", t.text("cli.history.read-by-province"));
            }
            for (StepRecord s : e.steps()) {
                t.out().printf("%13s %-12s %-9s %s%n", "", s.name(), s.status(), t.text("cli.history.step",
                        s.readCount(), s.writeCount(), s.commitCount(), s.skipCount()));
            }
        }
        return ExitCode.OK;
    }

    /** The report an execution made a revision of, as the table shows it: "2021-02", "2021-02 xa-an-phu". */
    private static String label(ExecutionRecord e) {
        return e.centre().isEmpty() ? e.period() : e.period() + " " + e.centre();
    }

    /** For the execution that completed its revision: its dossiers changed since it read them; else null. */
    private Long dossiersChangedSince(ExecutionRecord e) {
        return e.status() == BatchStatus.COMPLETED ? changed.count(e.period(), e.centre(), e.revision()) : null;
    }

    /** For the execution that completed a signed revision: the level and lasting of its latest file, when recorded. */
    private SignedRevisions.LongTerm longTerm(ExecutionRecord e) {
        return e.signed() && e.status() == BatchStatus.COMPLETED
                ? signedRevisions.longTerm(e.period(), e.centre(), e.revision()).orElse(null) : null;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t);
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        return ms < 60_000 ? String.format(Locale.ROOT, "%.1fs", ms / 1000.0)
                : String.format(Locale.ROOT, "%dm%02ds", ms / 60_000, (ms / 1000) % 60);
    }

    /** The executions as a JSON array, written by Jackson. */
    private String json(List<ExecutionRecord> executions, Terminal t) {
        return JSON.writeValueAsString(executions.stream()
                .map(e -> ExecutionJson.of(e, outcome.ending(t, e.ending()), dossiersChangedSince(e), longTerm(e))).toList());
    }
}
