package vn.motcua.report.importing.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small files LibreOffice made for the format readers' tests, kept under
 * {@code src/test/resources/importing/source}: {@code formats.fods} was written by hand (flat OpenDocument, so its
 * cells' types and merges can be read in a diff), then converted once, by LibreOffice 7.4 itself:
 * <pre>
 * soffice --headless --convert-to xlsx formats.fods
 * soffice --headless --convert-to xls formats.fods
 * soffice --headless --convert-to ods formats.fods
 * soffice --headless --convert-to "csv:Text - txt - csv (StarCalc):44,34,76" formats.fods   (UTF-8, first sheet)
 * </pre>
 * The workbook has two sheets. "Danh sách": a heading of Vietnamese words; HS-001 with "Đất đai" merged down over
 * HS-002's row, a cell date 03/02/2021, a date typed as text "05/02/2021", the number 12 and a blank note; HS-002
 * with a cell date and time 19/02/2021 14:15, an ISO date as text, 3.5 and a note; HS-003 with blank cells; a total
 * "Tổng cộng: 3 hồ sơ" merged across three columns. "Ghi chú": one row, the signer.
 */
final class LibreOfficeFiles {

    static final Path FOLDER = Path.of("src/test/resources/importing/source");

    static final String LIST = "Danh sách";
    static final String NOTES = "Ghi chú";

    static final List<String> HEADING = List.of("Mã hồ sơ", "Lĩnh vực", "Ngày tiếp nhận", "Ngày hẹn trả", "Số trang",
            "Ghi chú");

    private LibreOfficeFiles() {
    }

    static Path file(String extension) {
        Path file = FOLDER.resolve("formats." + extension);
        assertThat(file).as("made once by LibreOffice from formats.fods, committed").isRegularFile();
        return file;
    }

    /** Every row a source gives, to its end; the source is closed. */
    static List<SheetRow> rows(TableSource source) {
        try (source) {
            List<SheetRow> rows = new ArrayList<>();
            for (SheetRow r = source.next(); r != null; r = source.next()) {
                rows.add(r);
            }
            return rows;
        }
    }

    /** A row's cells with the trailing blank ones left out: a workbook stops at its last cell, CSV does not. */
    static List<String> filled(SheetRow row) {
        List<String> cells = new ArrayList<>(row.cells());
        while (!cells.isEmpty() && (cells.get(cells.size() - 1) == null || cells.get(cells.size() - 1).isEmpty())) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }
}
