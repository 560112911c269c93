package vn.motcua.report.revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.motcua.report.centre.Centre;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.classify.Classification;
import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;

/**
 * A consolidation's table by receiving centre ({@code report_centre_row}) and the revision of each listed centre's
 * report it cites ({@code report_cited_centre}), both kept with the consolidation's revision.
 */
@Repository
public class CentreRows {

    /** A listed centre's report revision a consolidation cites; {@code made}: by the consolidation's own run. */
    public record CitedCentre(String centre, long revisionId, int revision, boolean made) {
    }

    private final JdbcTemplate jdbc;

    public CentreRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the consolidation's revision cites this revision of the centre's report (once; kept on a restart). */
    public void cite(Revision consolidation, Revision ofCentre, boolean made) {
        jdbc.update("""
                INSERT INTO report_cited_centre (revision_id, centre, centre_revision_id, made) VALUES (?, ?, ?, ?)
                ON CONFLICT (revision_id, centre) DO NOTHING""", consolidation.id(), ofCentre.centre(), ofCentre.id(), made);
    }

    /** The centres' revisions the consolidation's revision cites, by centre code. */
    public List<CitedCentre> cited(Revision consolidation) {
        return jdbc.query("""
                SELECT c.centre, r.id, r.revision, c.made
                  FROM report_cited_centre c JOIN report_revision r ON r.id = c.centre_revision_id
                 WHERE c.revision_id = ? ORDER BY c.centre""",
                (rs, n) -> new CitedCentre(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4)),
                consolidation.id());
    }

    /**
     * The revision's counted dossiers summed by receiving centre: each listed centre (a row even with none), each
     * unlisted centre under its stored name (spellings that differ only in case or spacing are one), and the
     * dossiers naming none.
     */
    public CentreTable compute(Revision revision, Centres centres) {
        Map<String, Tally> byStored = new HashMap<>();
        // Counted by PostgreSQL per stored centre and cell (a few thousand rows), not a row per dossier: the
        // consolidation's cells are every dossier in scope, millions in a province, more than the heap should hold.
        jdbc.query("""
                SELECT d.centre, u.cell, count(*)
                  FROM report_dossier_block b
                 CROSS JOIN LATERAL unnest(b.dossier_ids, b.cells) AS u(dossier_id, cell)
                  JOIN dossier d ON d.id = u.dossier_id
                 WHERE b.revision_id = ?
                 GROUP BY d.centre, u.cell""", rs -> {
            int cell = rs.getInt(2);
            Tally one = new Tally();
            one.add(new Classification(0, null, CellCode.intake(cell), CellCode.result(cell), CellCode.outcome(cell),
                    CellCode.apology(cell)));
            long[] counts = one.toArray();
            for (int i = 0; i < counts.length; i++) {
                counts[i] *= rs.getLong(3);
            }
            String stored = rs.getString(1);
            byStored.computeIfAbsent(stored == null ? "" : stored, s -> new Tally()).add(Tally.of(counts));
        }, revision.id());
        return of(byStored, centres);
    }

    /**
     * The table by centre of these counts by stored receiving centre (blank: none): a listed centre's row sums its
     * spellings, an unlisted centre's its spellings that differ only in case or spacing, then the dossiers naming none.
     */
    public CentreTable of(Map<String, Tally> byStored, Centres centres) {
        Tally none = new Tally();
        byStored.forEach((stored, tally) -> {
            if (stored.isBlank()) {
                none.add(tally);
            }
        });
        Map<String, Tally> listed = new LinkedHashMap<>();
        centres.centres().forEach(c -> listed.put(c.code(), new Tally()));
        // An unlisted centre by its normalised name, shown as the first of its stored spellings.
        Map<String, String> unlistedName = new HashMap<>();
        Map<String, Tally> unlisted = new HashMap<>();
        new TreeMap<>(byStored).forEach((stored, tally) -> {
            if (stored.isBlank()) {
                return;
            }
            var centre = centres.match(stored);
            if (centre.isPresent()) {
                listed.get(centre.get().code()).add(tally);
            } else {
                String key = Centres.normalise(stored);
                unlistedName.putIfAbsent(key, stored);
                unlisted.computeIfAbsent(key, k -> new Tally()).add(tally);
            }
        });
        List<CentreRow> rows = new ArrayList<>();
        for (Centre c : centres.centres()) {
            rows.add(CentreRow.listed(c.code(), c.name(), CentreLevel.of(c.level()), listed.get(c.code())));
        }
        unlisted.forEach((key, tally) -> rows.add(CentreRow.unlisted(unlistedName.get(key), tally)));
        if (none.get(Counter.TOTAL) > 0) {
            rows.add(CentreRow.undetermined(none));
        }
        return new CentreTable(rows);
    }

    /** Keeps the table with the revision (replacing what an interrupted step kept). */
    public void save(Revision revision, CentreTable table) {
        jdbc.update("DELETE FROM report_centre_row WHERE revision_id = ?", revision.id());
        List<Object[]> args = new ArrayList<>();
        int order = 0;
        for (CentreRow row : table.rows()) {
            long[] counts = row.counts().toArray();
            Object[] a = new Object[5 + counts.length];
            a[0] = revision.id();
            a[1] = ++order;
            a[2] = row.code();
            a[3] = row.name();
            a[4] = row.level().word();
            for (int i = 0; i < counts.length; i++) {
                a[5 + i] = counts[i];
            }
            args.add(a);
        }
        jdbc.batchUpdate("INSERT INTO report_centre_row (revision_id, centre_order, centre_code, centre_name, level, "
                + Counter.columns() + ") VALUES (?, ?, ?, ?, ?" + ", ?".repeat(Counter.values().length) + ")", args);
    }

    /** The table kept with the revision; {@link CentreTable#EMPTY} for a report that is no consolidation. */
    public CentreTable table(Revision revision) {
        List<CentreRow> rows = new ArrayList<>();
        jdbc.query("SELECT centre_code, centre_name, level, " + Counter.columns()
                + " FROM report_centre_row WHERE revision_id = ? ORDER BY centre_order", rs -> {
            rows.add(new CentreRow(rs.getString(1), rs.getString(2), level(rs.getString(3)),
                    RevisionRepository.tally(rs, 4)));
        }, revision.id());
        return rows.isEmpty() ? CentreTable.EMPTY : new CentreTable(rows);
    }

    private static CentreLevel level(String word) {
        for (CentreLevel l : CentreLevel.values()) {
            if (l.word().equals(word)) {
                return l;
            }
        }
        throw new IllegalStateException("no centre level " + word);
    }
}
