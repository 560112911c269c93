package vn.motcua.report.importing.source;

import java.util.List;

/**
 * One row of a sheet or CSV file as read: its line (row number), its cells' text (merged cells filled), and its
 * last line (a CSV value may hold line breaks). A sheet's rows may skip numbers: the rows between are blank.
 */
record SheetRow(long line, List<String> cells, long end) {

    SheetRow(long line, List<String> cells) {
        this(line, cells, line);
    }

    boolean blank() {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    String cell(int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
    }
}
