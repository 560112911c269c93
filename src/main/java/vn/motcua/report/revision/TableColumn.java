package vn.motcua.report.revision;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;

/**
 * A column of the table, by its CSV header name: how to read it from a row's counters, and which of a
 * revision's per-dossier cells ({@code report_dossier}, alias {@code rd}) it counts. The last three are
 * not in the seed's table but can be explained.
 */
public enum TableColumn {
    TOTAL("total", t -> t.get(Counter.TOTAL), "TRUE"),
    CARRIED_OVER("carried_over", t -> t.get(Counter.CARRIED_OVER), "rd.intake = 'CARRIED_OVER'"),
    NEW("new", Tally::newReceived, "rd.intake <> 'CARRIED_OVER'"),
    RESOLVED("resolved", t -> t.get(Counter.RESOLVED), "rd.result IN ('EARLY', 'ON_TIME', 'LATE')"),
    ON_TIME("on_time", Tally::onTimeOrEarly, "rd.result IN ('EARLY', 'ON_TIME')"),
    LATE("late", t -> t.get(Counter.LATE), "rd.result = 'LATE'"),
    PENDING("pending", t -> t.get(Counter.PENDING), "rd.result IN ('NOT_YET_DUE', 'OVERDUE')"),
    NOT_YET_DUE("not_yet_due", t -> t.get(Counter.NOT_YET_DUE), "rd.result = 'NOT_YET_DUE'"),
    OVERDUE("overdue", t -> t.get(Counter.OVERDUE), "rd.result = 'OVERDUE'"),
    EARLY("early", t -> t.get(Counter.EARLY), "rd.result = 'EARLY'"),
    WITHDRAWN("withdrawn", t -> t.get(Counter.WITHDRAWN), "rd.outcome = 'withdrawn'"),
    RETURNED("returned", t -> t.get(Counter.RETURNED), "rd.outcome = 'returned'");

    /** The columns of the CSV table, in its order. */
    public static final List<TableColumn> IN_TABLE = List.of(TOTAL, CARRIED_OVER, NEW, RESOLVED, ON_TIME, LATE,
            PENDING, NOT_YET_DUE, OVERDUE);

    private final String header;
    private final ToLongFunction<Tally> value;
    private final String where;

    TableColumn(String header, ToLongFunction<Tally> value, String where) {
        this.header = header;
        this.value = value;
        this.where = where;
    }

    public String header() {
        return header;
    }

    public long of(Tally t) {
        return value.applyAsLong(t);
    }

    /** SQL condition on {@code report_dossier rd} selecting the dossiers this column counts. */
    String where() {
        return where;
    }

    /** A row's figures in the columns of the CSV table (the seed form's (3)–(11)), in order. */
    public static long[] inTable(Tally t) {
        return IN_TABLE.stream().mapToLong(c -> c.of(t)).toArray();
    }

    public static Optional<TableColumn> named(String header) {
        return Arrays.stream(values()).filter(c -> c.header.equals(header)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(TableColumn::header).collect(Collectors.joining(", "));
    }
}
