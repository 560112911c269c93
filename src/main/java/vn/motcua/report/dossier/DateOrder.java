package vn.motcua.report.dossier;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Which comes first in a date written with slashes: the day (03/02/2021 = 3 February, as Vietnam writes) or the month. */
enum DateOrder {
    DMY, MDY;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "dmy" or "mdy", any case; null for anything else. */
    static DateOrder ofCode(String code) {
        return switch (code == null ? "" : code.strip().toLowerCase(Locale.ROOT)) {
            case "dmy" -> DMY;
            case "mdy" -> MDY;
            default -> null;
        };
    }

    /** Column orders as a job parameter keeps them: {@code received_at=mdy,due_at=mdy}; "*" is every column. */
    static String format(Map<String, DateOrder> orders) {
        StringBuilder s = new StringBuilder();
        orders.forEach((column, order) -> s.append(s.isEmpty() ? "" : ",").append(column).append('=').append(order.code()));
        return s.toString();
    }

    static Map<String, DateOrder> parse(String text) {
        Map<String, DateOrder> orders = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                orders.put(pair.substring(0, eq), ofCode(pair.substring(eq + 1)));
            }
        }
        return orders;
    }
}
