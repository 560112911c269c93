package vn.motcua.report.dossier;

import java.util.List;

/** One row of a sheet or CSV file as read: its line (row number) and its cells' text, merged cells filled. */
record SheetRow(long line, List<String> cells) {

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
