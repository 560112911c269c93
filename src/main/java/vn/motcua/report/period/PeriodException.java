package vn.motcua.report.period;

import vn.motcua.report.system.Refusal;

/** A period or cutoff that makes no sense; its words (period.* keys) say what is wrong and what is expected. */
public class PeriodException extends Refusal {
    public PeriodException(String key, Object... arguments) {
        super(key, arguments);
    }
}
