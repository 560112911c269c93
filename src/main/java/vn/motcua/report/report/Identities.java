package vn.motcua.report.report;

import static vn.motcua.report.classify.Counter.*;

import java.util.ArrayList;
import java.util.List;

import vn.motcua.report.classify.Tally;

/** The identities every row of the table must satisfy, in the seed form's column numbers. */
public final class Identities {

    private Identities() {
    }

    /** What is broken in one row, as sentences; empty when all identities hold. */
    public static List<String> violations(String row, Tally t) {
        List<String> broken = new ArrayList<>();
        long total = t.get(TOTAL);
        if (total != t.get(CARRIED_OVER) + t.newReceived()) {
            broken.add(row + ": (3)=" + total + " but (4)+(5)=" + t.get(CARRIED_OVER) + "+" + t.newReceived());
        }
        if (total != t.get(RESOLVED) + t.get(PENDING)) {
            broken.add(row + ": (3)=" + total + " but (6)+(9)=" + t.get(RESOLVED) + "+" + t.get(PENDING));
        }
        if (t.get(RESOLVED) != t.onTimeOrEarly() + t.get(LATE)) {
            broken.add(row + ": (6)=" + t.get(RESOLVED) + " but (7)+(8)=" + t.onTimeOrEarly() + "+" + t.get(LATE));
        }
        if (t.get(PENDING) != t.get(NOT_YET_DUE) + t.get(OVERDUE)) {
            broken.add(row + ": (9)=" + t.get(PENDING) + " but (10)+(11)=" + t.get(NOT_YET_DUE) + "+" + t.get(OVERDUE));
        }
        if (t.get(WITHDRAWN) + t.get(RETURNED) > t.get(ON_TIME)) {
            broken.add(row + ": withdrawn+returned=" + (t.get(WITHDRAWN) + t.get(RETURNED))
                    + " exceeds on time=" + t.get(ON_TIME));
        }
        if (t.get(LATE_WITH_APOLOGY) > t.get(LATE)) {
            broken.add(row + ": late with apology=" + t.get(LATE_WITH_APOLOGY) + " exceeds late=" + t.get(LATE));
        }
        return broken;
    }
}
