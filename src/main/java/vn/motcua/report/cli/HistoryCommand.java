package vn.motcua.report.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ExecutionHistory.ExecutionRecord;
import vn.motcua.report.revision.ExecutionHistory.StepRecord;
import vn.motcua.report.revision.ExecutionHistory;

/** {@code history [--period P] [--json]}: every execution of the report job, newest first. */
@Component
public class HistoryCommand implements Cli.Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ExecutionHistory history;
    private final ReportService reports;

    public HistoryCommand(ExecutionHistory history, ReportService reports) {
        this.history = history;
        this.reports = reports;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) {
        String period = line.option("period", null);
        if (period != null) {
            period = reports.periodName(period);
        }
        List<ExecutionRecord> executions = history.executions(period);
        if (line.flag("json")) {
            out.println(json(executions));
            return ExitCode.OK;
        }
        if (executions.isEmpty()) {
            out.println(period == null ? "No report has been run yet." : "No report of " + period + " has been run yet.");
            return ExitCode.OK;
        }
        out.println("Times are Vietnam time (UTC+07:00).");
        out.printf("%9s  %-8s %4s  %-9s  %-19s  %-19s  %9s  %s%n", "execution", "period", "rev", "status", "start",
                "end", "duration", "signed");
        for (ExecutionRecord e : executions) {
            out.printf("%9d  %-8s %4d  %-9s  %-19s  %-19s  %9s  %s%n", e.executionId(), e.period(), e.revision(),
                    e.status(), time(e.start()), time(e.end()), e.duration().map(HistoryCommand::duration).orElse(""),
                    e.signed() ? "signed" : "no");
            for (StepRecord s : e.steps()) {
                out.printf("%13s %-12s %-9s read %d, written %d, commits %d, skipped %d%n", "", s.name(), s.status(),
                        s.readCount(), s.writeCount(), s.commitCount(), s.skipCount());
            }
        }
        return ExitCode.OK;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t);
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        return ms < 60_000 ? String.format("%.1fs", ms / 1000.0)
                : String.format("%dm%02ds", ms / 60_000, (ms / 1000) % 60);
    }

    /** The executions as a JSON array; a small writer, since the only values are numbers, text and booleans. */
    static String json(List<ExecutionRecord> executions) {
        StringBuilder sb = new StringBuilder("[");
        for (ExecutionRecord e : executions) {
            sb.append(sb.length() > 1 ? ",\n " : "\n ").append('{');
            field(sb, "executionId", e.executionId()).append(',');
            field(sb, "period", e.period()).append(',');
            field(sb, "revision", e.revision()).append(',');
            field(sb, "status", e.status()).append(',');
            field(sb, "start", e.start() == null ? null : e.start().toString()).append(',');
            field(sb, "end", e.end() == null ? null : e.end().toString()).append(',');
            field(sb, "durationMillis", e.duration().map(Duration::toMillis).orElse(null)).append(',');
            field(sb, "signed", e.signed()).append(',');
            field(sb, "host", e.host()).append(',');
            field(sb, "pid", e.pid()).append(',');
            field(sb, "exitMessage", e.exitMessage()).append(',');
            sb.append("\"steps\":[");
            for (int i = 0; i < e.steps().size(); i++) {
                StepRecord s = e.steps().get(i);
                sb.append(i > 0 ? "," : "").append('{');
                field(sb, "name", s.name()).append(',');
                field(sb, "status", s.status()).append(',');
                field(sb, "readCount", s.readCount()).append(',');
                field(sb, "writeCount", s.writeCount()).append(',');
                field(sb, "commitCount", s.commitCount()).append(',');
                field(sb, "skipCount", s.skipCount()).append(',');
                field(sb, "filterCount", s.filterCount()).append(',');
                field(sb, "rollbackCount", s.rollbackCount()).append('}');
            }
            sb.append("]}");
        }
        return sb.append(executions.isEmpty() ? "]" : "\n]").toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, Object value) {
        sb.append('"').append(name).append("\":");
        if (value == null) {
            return sb.append("null");
        }
        if (value instanceof Number || value instanceof Boolean) {
            return sb.append(value);
        }
        sb.append('"');
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
