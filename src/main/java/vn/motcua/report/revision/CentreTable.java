package vn.motcua.report.revision;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import vn.motcua.report.classify.Tally;

/**
 * The consolidation's table by receiving centre, in its order whatever order the rows are given in: the
 * listed centres grouped by level (Cấp tỉnh: the province's centre, then its branches; then Cấp xã), each
 * group in the order given (the configuration's); then the unlisted centres by name (Vietnamese order); then
 * the undetermined row. Empty for a single centre's report.
 */
public record CentreTable(List<CentreRow> rows) {

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi-VN"));

    public static final CentreTable EMPTY = new CentreTable(List.of());

    public CentreTable {
        Set<String> codes = new HashSet<>();
        Set<String> unlistedNames = new HashSet<>();
        long undetermined = 0;
        for (CentreRow r : rows) {
            if (r.code() != null && !codes.add(r.code())) {
                throw new IllegalArgumentException("centre " + r.code() + " has two rows");
            }
            if (r.level() == CentreLevel.UNLISTED && !unlistedNames.add(r.name())) {
                throw new IllegalArgumentException("unlisted centre " + r.name() + " has two rows");
            }
            undetermined += r.level() == CentreLevel.UNDETERMINED ? 1 : 0;
        }
        if (undetermined > 1) {
            throw new IllegalArgumentException("the table by centre has " + undetermined + " undetermined rows");
        }
        List<CentreRow> ordered = new ArrayList<>(rows);
        // A stable sort: within a level the rows keep the order given.
        ordered.sort(Comparator.comparingInt((CentreRow r) -> r.level().ordinal())
                .thenComparing((a, b) -> a.level() == CentreLevel.UNLISTED ? VIETNAMESE.compare(a.name(), b.name()) : 0));
        rows = List.copyOf(ordered);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Cấp tỉnh: the province's centre and its branches. */
    public List<CentreRow> provincial() {
        return where(r -> r.level().provincial());
    }

    /** Cấp xã: the communes' centres. */
    public List<CentreRow> communes() {
        return where(r -> r.level() == CentreLevel.COMMUNE);
    }

    public List<CentreRow> unlisted() {
        return where(r -> r.level() == CentreLevel.UNLISTED);
    }

    public Optional<CentreRow> undetermined() {
        return where(r -> r.level() == CentreLevel.UNDETERMINED).stream().findFirst();
    }

    /** "Cộng cấp tỉnh". */
    public Tally provincialTotal() {
        return sum(provincial());
    }

    /** "Cộng cấp xã". */
    public Tally communeTotal() {
        return sum(communes());
    }

    /** "Tổng cộng": every row, unlisted and undetermined included. */
    public Tally total() {
        return sum(rows);
    }

    private List<CentreRow> where(Predicate<CentreRow> test) {
        return rows.stream().filter(test).toList();
    }

    private static Tally sum(List<CentreRow> rows) {
        Tally total = new Tally();
        rows.forEach(r -> total.add(r.counts()));
        return total;
    }
}
