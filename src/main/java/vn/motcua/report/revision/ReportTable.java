package vn.motcua.report.revision;

import java.util.List;

import vn.motcua.report.classify.Tally;

/** The table of one revision: one row per catalogue field, in catalogue order, and their total. */
public record ReportTable(Revision revision, List<ReportRow> rows) {

    public Tally total() {
        Tally total = new Tally();
        rows.forEach(r -> total.add(r.counts()));
        return total;
    }
}
