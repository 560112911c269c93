package vn.motcua.report.revision;

import java.text.Collator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.system.TextKey;

/**
 * A revision's per-unit table (the 13 columns of Biểu 06 by handling unit, as Biểu II.06a has them): the
 * revision's counted dossiers by their unit, as the classify step summed them per unit name ({@code report_unit_sum},
 * {@link #sums}), each name matched to the catalogue's units by
 * name or alias (whatever the case, spacing or Unicode form). Rows: every catalogue unit in its order, then
 * the units it does not list under their own names (alphabetically), then {@value #NO_UNIT}. Computed
 * once when the revision is made and kept with it ({@code report_unit_row}, {@code report_unit_name}).
 */
@Repository
public class UnitRows {

    public static final String NO_UNIT = "Chưa xác định đơn vị";

    private final JdbcTemplate jdbc;

    public UnitRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A unit the catalogue lists. */
    private record Listed(String code, String name) {
    }

    /** The revision's sums by unit name as the export gave it ('' for none), as the classify step added them. */
    public Map<String, Tally> sums(Revision revision) {
        Map<String, Tally> byName = new HashMap<>();
        jdbc.query("SELECT unit_name, " + Counter.columns() + " FROM report_unit_sum WHERE revision_id = ?", rs -> {
            byName.put(rs.getString(1), RevisionRepository.tally(rs, 2));
        }, revision.id());
        return byName;
    }

    /**
     * Makes the revision's per-unit table from its {@link #sums} by unit name and keeps it
     * with the revision (replacing an earlier one of the same revision, as a restarted step does), in the
     * caller's transaction.
     *
     * @throws IllegalStateException when the units do not add up to the revision's table
     */
    public ReportTable compute(Revision revision, ReportTable byField) {
        Map<String, Tally> byName = sums(revision);
        Map<String, Listed> byKey = new HashMap<>();
        List<Listed> listed = new ArrayList<>();
        jdbc.query("SELECT code, name FROM unit WHERE NOT retired ORDER BY sort_order", rs -> {
            Listed u = new Listed(rs.getString(1), rs.getString(2));
            listed.add(u);
            byKey.put(TextKey.of(u.code()), u);
            byKey.put(TextKey.of(u.name()), u);
        });
        jdbc.query("SELECT a.alias_key, u.code, u.name FROM unit_alias a JOIN unit u ON u.code = a.unit_code"
                + " WHERE NOT u.retired", rs -> {
            byKey.put(rs.getString(1), new Listed(rs.getString(2), rs.getString(3)));
        });

        Map<String, Tally> listedCounts = new LinkedHashMap<>();
        listed.forEach(u -> listedCounts.put(u.code(), new Tally()));
        Map<String, Tally> unlisted = new TreeMap<>(Collator.getInstance(Locale.forLanguageTag("vi-VN")));
        Map<String, String> unlistedNames = new HashMap<>();
        Tally none = new Tally();
        Map<String, String> rowOfName = new LinkedHashMap<>();
        // In name order, so that an unlisted unit is named by its first spelling in that order.
        new TreeMap<>(byName).forEach((name, t) -> {
            Listed u = name.isEmpty() ? null : byKey.get(TextKey.of(name));
            if (name.isEmpty()) {
                none.add(t);
                rowOfName.put(name, "");
            } else if (u != null) {
                listedCounts.get(u.code()).add(t);
                rowOfName.put(name, "listed:" + u.code());
            } else {
                // One unlisted unit however its exports spell it: its first spelling (in name order) names it.
                String key = TextKey.of(name);
                unlistedNames.putIfAbsent(key, name);
                unlisted.computeIfAbsent(unlistedNames.get(key), k -> new Tally()).add(t);
                rowOfName.put(name, "unlisted:" + unlistedNames.get(key));
            }
        });

        List<ReportRow> rows = new ArrayList<>();
        Map<String, Integer> orderOf = new HashMap<>();
        for (Listed u : listed) {
            rows.add(new ReportRow(rows.size() + 1, u.code(), u.name(), listedCounts.get(u.code())));
            orderOf.put("listed:" + u.code(), rows.size());
        }
        unlisted.forEach((name, t) -> {
            rows.add(new ReportRow(rows.size() + 1, name, name, t));
            orderOf.put("unlisted:" + name, rows.size());
        });
        if (none.get(Counter.TOTAL) > 0 || rows.isEmpty()) {
            rows.add(new ReportRow(rows.size() + 1, NO_UNIT, NO_UNIT, none));
            orderOf.put("", rows.size());
        }
        ReportTable table = new ReportTable(revision, List.copyOf(rows));
        if (!table.total().equals(byField.total())) {
            throw new IllegalStateException("the per-unit table of " + revision.period() + " revision "
                    + revision.revision() + " totals " + table.total() + " but the table by field " + byField.total());
        }

        jdbc.update("DELETE FROM report_unit_name WHERE revision_id = ?", revision.id());
        jdbc.update("DELETE FROM report_unit_row WHERE revision_id = ?", revision.id());
        List<Object[]> inserts = new ArrayList<>();
        for (ReportRow r : rows) {
            boolean isListed = r.position() <= listed.size();
            Object[] args = new Object[4 + Counter.values().length];
            args[0] = revision.id();
            args[1] = r.position();
            args[2] = isListed ? r.field() : null;
            args[3] = r.name();
            long[] counts = r.counts().toArray();
            for (int i = 0; i < counts.length; i++) {
                args[4 + i] = counts[i];
            }
            inserts.add(args);
        }
        jdbc.batchUpdate("INSERT INTO report_unit_row (revision_id, unit_order, unit_code, unit_name, " + Counter.columns()
                + ") VALUES (?, ?, ?, ?" + ", ?".repeat(Counter.values().length) + ")", inserts);
        List<Object[]> names = new ArrayList<>();
        rowOfName.forEach((name, row) -> names.add(new Object[] {revision.id(), name, orderOf.get(row)}));
        jdbc.batchUpdate("INSERT INTO report_unit_name (revision_id, name, unit_order) VALUES (?, ?, ?)", names);
        return table;
    }

    /**
     * The revision's per-unit table as kept: each row's {@code field} is the unit's catalogue code, or its name
     * for a unit the catalogue does not list (and for {@value #NO_UNIT}). Empty for a revision made before
     * units were counted.
     */
    public ReportTable table(Revision revision) {
        List<ReportRow> rows = new ArrayList<>();
        jdbc.query("SELECT unit_order, coalesce(unit_code, unit_name), unit_name, " + Counter.columns()
                + " FROM report_unit_row WHERE revision_id = ? ORDER BY unit_order", rs -> {
            rows.add(new ReportRow(rs.getInt(1), rs.getString(2), rs.getString(3), RevisionRepository.tally(rs, 4)));
        }, revision.id());
        return new ReportTable(revision, rows);
    }
}
