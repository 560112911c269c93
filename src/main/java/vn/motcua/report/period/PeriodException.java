package vn.motcua.report.period;

/** A period or cutoff that makes no sense; the message says what is wrong and what is expected. */
public class PeriodException extends IllegalArgumentException {
    public PeriodException(String message) {
        super(message);
    }
}
