package vn.motcua.report.cli;

import vn.motcua.report.period.Period;
import vn.motcua.report.period.VietnamTime;

/** How the terminal names the things every command prints. */
final class Words {

    private Words() {
    }

    /** "2021-02 (26/01/2021 – 25/02/2021, ngày chốt 25)". */
    static String period(Terminal t, Period period) {
        return t.text("cli.period", period.name(), VietnamTime.format(period.start()), VietnamTime.format(period.end()),
                period.cutoff().isLast() ? t.text("cli.period.last-day") : period.cutoff().toString());
    }
}
