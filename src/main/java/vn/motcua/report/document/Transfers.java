package vn.motcua.report.document;

import java.util.Map;

/** Postal transfers (liên thông) between levels sent in the period, counted by direction. */
public record Transfers(Map<String, Long> byDirection) {

    public static String direction(String from, String to) {
        return from + "->" + to;
    }

    public long count(String from, String to) {
        return byDirection.getOrDefault(direction(from, to), 0L);
    }

    /** Whether any transfer went from or to {@code level}. */
    public boolean involves(String level) {
        return byDirection.entrySet().stream().anyMatch(e -> e.getValue() > 0
                && (e.getKey().startsWith(level + "->") || e.getKey().endsWith("->" + level)));
    }

    public long total() {
        return byDirection.values().stream().mapToLong(Long::longValue).sum();
    }
}
