package vn.motcua.report.cli;

import java.util.ArrayList;
import java.util.List;

import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.TableColumn;

/**
 * The table on the terminal: one line per field (its code, since the names are long) and the total line,
 * the columns headed in the user's language and aligned.
 */
final class TablePrinter {

    private TablePrinter() {
    }

    static void print(ReportTable table, Terminal t) {
        List<String> headings = new ArrayList<>();
        for (TableColumn c : TableColumn.IN_TABLE) {
            headings.add(t.text("table.column." + c.header()));
        }
        int fieldWidth = Math.max(24, t.text("table.total-row").length());
        StringBuilder format = new StringBuilder("%3s %-" + fieldWidth + "s");
        for (String h : headings) {
            format.append(" %").append(Math.max(h.length(), 5)).append('s');
        }
        format.append("%n");
        String f = format.toString();
        List<Object> head = new ArrayList<>(List.of(t.text("table.no"), t.text("table.field")));
        head.addAll(headings);
        t.out().printf(f, head.toArray());
        for (ReportRow row : table.rows()) {
            line(t, f, Integer.toString(row.position()), row.field(), row.counts());
        }
        line(t, f, "", t.text("table.total-row"), table.total());
    }

    private static void line(Terminal t, String format, String no, String field, Tally counts) {
        List<Object> cells = new ArrayList<>(List.of(no, field));
        for (long v : TableColumn.inTable(counts)) {
            cells.add(v);
        }
        t.out().printf(format, cells.toArray());
    }
}
