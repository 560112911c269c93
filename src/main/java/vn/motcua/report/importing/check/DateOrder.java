package vn.motcua.report.importing.check;

import java.util.Locale;

/** Which comes first in a date written with slashes: the day (03/02/2021 = 3 February, as Vietnam writes) or the month. */
public enum DateOrder {
    DMY, MDY;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "dmy" or "mdy", any case; null for anything else. */
    public static DateOrder ofCode(String code) {
        return switch (code == null ? "" : code.strip().toLowerCase(Locale.ROOT)) {
            case "dmy" -> DMY;
            case "mdy" -> MDY;
            default -> null;
        };
    }
}
