package vn.motcua.report.period;

import java.time.LocalDate;

/**
 * Vietnam's levels of local government over time: province, district and commune until 30 June 2025; province and
 * commune from 1 July 2025, when the district level (and its centres) ended.
 */
public final class LocalGovernment {

    /** The first day of two-level local government: no district level from this day on. */
    public static final LocalDate TWO_LEVELS_FROM = LocalDate.of(2025, 7, 1);

    private LocalGovernment() {
    }

    /** Whether the district level existed on {@code day}. */
    public static boolean hasDistricts(LocalDate day) {
        return day.isBefore(TWO_LEVELS_FROM);
    }
}
