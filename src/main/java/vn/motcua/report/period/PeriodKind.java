package vn.motcua.report.period;

/** What a period spans, as its name says: a month, a quarter, the first six or nine months, or a year. */
public enum PeriodKind {
    MONTH, QUARTER, HALF, NINE_MONTHS, YEAR
}
