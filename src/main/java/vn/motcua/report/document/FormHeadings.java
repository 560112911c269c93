package vn.motcua.report.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The two-level merged headings of the report's tables, defined once for the PDF and the workbook. Cells
 * are in reading order (row by row, left to right), each with the rows and columns it spans, then a last
 * row of column numbers "(1)", "(2)", …
 */
final class FormHeadings {

    /** One heading cell: where it starts (0-based, within the heading block) and what it spans. */
    record Cell(String text, int row, int column, int rows, int columns) {
    }

    /** A heading block: its cells, how many rows it takes (the numbers row included), how many columns. */
    record Layout(List<Cell> cells, int rows, int columns) {
    }

    /** Section 1 of the seed report: (1)–(12). */
    static final Layout SEED = seed("Lĩnh vực, công việc giải quyết theo cấp", "Ghi chú");

    /**
     * The seed's columns with one row per receiving centre, the last column the Decision 766/QĐ-TTg indicator
     * (on time or early, and pending in time, over all) instead of the empty "Ghi chú".
     */
    static final Layout BY_CENTRE = seed("Nơi tiếp nhận hồ sơ", "Tỷ lệ đúng hạn [(7)+(10)]/(3)");

    /** Biểu 06 of Circular 01/2020/TT-VPCP, 13 columns, by field. */
    static final Layout NATIONAL = national("Lĩnh vực, công việc giải quyết theo cấp");

    /** The same 13 columns with one row per handling unit (as Biểu II.06a does). */
    static final Layout NATIONAL_BY_UNIT = national("Cơ quan, đơn vị giải quyết");

    private FormHeadings() {
    }

    private static Layout seed(String second, String last) {
        return numbered(12, List.of(
                new Cell("STT", 0, 0, 3, 1),
                new Cell(second, 0, 1, 3, 1),
                new Cell("Hồ sơ nhận giải quyết", 0, 2, 1, 3),
                new Cell("Kết quả giải quyết", 0, 5, 1, 6),
                new Cell(last, 0, 11, 3, 1),
                new Cell("Tổng số", 1, 2, 2, 1),
                new Cell("Trong đó", 1, 3, 1, 2),
                new Cell("Hồ sơ đã giải quyết", 1, 5, 1, 3),
                new Cell("Hồ sơ đang giải quyết", 1, 8, 1, 3),
                new Cell("Số kỳ trước chuyển qua", 2, 3, 1, 1),
                new Cell("Số mới tiếp nhận", 2, 4, 1, 1),
                new Cell("Tổng số", 2, 5, 1, 1),
                new Cell("Trả đúng thời hạn", 2, 6, 1, 1),
                new Cell("Trả quá hạn", 2, 7, 1, 1),
                new Cell("Tổng số", 2, 8, 1, 1),
                new Cell("Chưa đến hạn", 2, 9, 1, 1),
                new Cell("Quá hạn", 2, 10, 1, 1)));
    }

    private static Layout national(String second) {
        List<Cell> cells = new ArrayList<>(List.of(
                new Cell("STT", 0, 0, 3, 1),
                new Cell(second, 0, 1, 3, 1),
                new Cell("Số hồ sơ nhận giải quyết", 0, 2, 1, 4),
                new Cell("Kết quả giải quyết", 0, 6, 1, 7),
                new Cell("Tổng số", 1, 2, 2, 1),
                new Cell("Trong đó", 1, 3, 1, 3),
                new Cell("Số hồ sơ đã giải quyết", 1, 6, 1, 4),
                new Cell("Số hồ sơ đang giải quyết", 1, 10, 1, 3)));
        String[] third = {"Số mới tiếp nhận trực tuyến", "Số mới tiếp nhận trực tiếp hoặc qua dịch vụ BCCI",
                "Số kỳ trước chuyển qua", "Tổng số", "Trả trước hạn", "Trả đúng hạn", "Trả quá hạn", "Tổng số",
                "Trong hạn", "Quá hạn"};
        for (int i = 0; i < third.length; i++) {
            cells.add(new Cell(third[i], 2, 3 + i, 1, 1));
        }
        return numbered(13, cells);
    }

    private static Layout numbered(int columns, List<Cell> headings) {
        List<Cell> cells = new ArrayList<>(headings);
        for (int i = 1; i <= columns; i++) {
            cells.add(new Cell("(" + i + ")", 3, i - 1, 1, 1));
        }
        return new Layout(List.copyOf(cells), 4, columns);
    }

    /** True for the last heading row, the column numbers. */
    static boolean isNumber(Cell cell) {
        return cell.row() == 3;
    }
}
