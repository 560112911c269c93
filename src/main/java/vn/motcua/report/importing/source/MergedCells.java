package vn.motcua.report.importing.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * A sheet's merged cells, applied to its rows as they stream past: every cell a merged range covers reads as the
 * range's first cell (a "Lĩnh vực" merged down over its dossiers names the field of each). Rows must come in
 * order; a range's text is taken when its first row passes.
 */
final class MergedCells {

    /** Rows and columns from 0; inclusive. */
    record Range(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    }

    private final Iterator<Range> pending;
    private Range next;
    private final List<Range> active = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    MergedCells(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(Range::firstRow));
        this.pending = sorted.iterator();
        this.next = pending.hasNext() ? pending.next() : null;
    }

    boolean isEmpty() {
        return next == null && active.isEmpty();
    }

    /** A range met while streaming (OpenDocument names its span on its first cell), with that cell's text. */
    void start(Range range, String text) {
        active.add(range);
        texts.add(text);
    }

    /** Fills the covered cells of row {@code row} (from 0), in place; grows the list when a range reaches past it. */
    void fill(int row, List<String> cells) {
        for (int i = active.size() - 1; i >= 0; i--) {
            if (active.get(i).lastRow() < row) {
                active.remove(i);
                texts.remove(i);
            }
        }
        while (next != null && next.firstRow() <= row) {
            if (next.lastRow() >= row) {
                active.add(next);
                texts.add(next.firstRow() == row ? at(cells, next.firstColumn()) : "");
            }
            next = pending.hasNext() ? pending.next() : null;
        }
        for (int i = 0; i < active.size(); i++) {
            Range r = active.get(i);
            String text = texts.get(i);
            for (int c = r.firstColumn(); c <= r.lastColumn(); c++) {
                if (r.firstRow() == row && c == r.firstColumn()) {
                    continue;
                }
                while (cells.size() <= c) {
                    cells.add("");
                }
                cells.set(c, text);
            }
        }
    }

    private static String at(List<String> cells, int column) {
        return column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
    }
}
