package vn.motcua.report.classify;

import java.util.Arrays;
import java.util.stream.Collectors;

import vn.motcua.report.dossier.Outcome;

/**
 * The counters kept per field and revision; the revision room stores each as a column of its rows.
 * Names follow the current national form (Biểu 06): {@link #ON_TIME} excludes {@link #EARLY}.
 */
public enum Counter {
    TOTAL, CARRIED_OVER, NEW_ONLINE, NEW_DIRECT, NEW_POSTAL,
    RESOLVED, EARLY, ON_TIME, LATE,
    PENDING, NOT_YET_DUE, OVERDUE,
    WITHDRAWN, RETURNED, LATE_WITH_APOLOGY;

    private static final Counter[] ALL = values();

    public String column() {
        return name().toLowerCase();
    }

    /** "total, carried_over, …" in declaration order, for SQL. */
    public static String columns() {
        return Arrays.stream(ALL).map(Counter::column).collect(Collectors.joining(", "));
    }

    /** The counters one classified dossier adds one to. */
    public static Counter[] of(Classification c) {
        Counter[] hit = new Counter[6];
        int n = 0;
        hit[n++] = TOTAL;
        hit[n++] = switch (c.intake()) {
            case CARRIED_OVER -> CARRIED_OVER;
            case NEW_ONLINE -> NEW_ONLINE;
            case NEW_DIRECT -> NEW_DIRECT;
            case NEW_POSTAL -> NEW_POSTAL;
        };
        hit[n++] = c.result().resolved() ? RESOLVED : PENDING;
        hit[n++] = switch (c.result()) {
            case EARLY -> EARLY;
            case ON_TIME -> ON_TIME;
            case LATE -> LATE;
            case NOT_YET_DUE -> NOT_YET_DUE;
            case OVERDUE -> OVERDUE;
        };
        if (c.outcome() == Outcome.WITHDRAWN) {
            hit[n++] = WITHDRAWN;
        } else if (c.outcome() == Outcome.RETURNED) {
            hit[n++] = RETURNED;
        }
        if (c.result() == Result.LATE && c.apology()) {
            hit[n++] = LATE_WITH_APOLOGY;
        }
        return Arrays.copyOf(hit, n);
    }
}
