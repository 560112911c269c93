package vn.motcua.report.importing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.importing.source.LibreOfficeFiles.HEADING;
import static vn.motcua.report.importing.source.LibreOfficeFiles.LIST;
import static vn.motcua.report.importing.source.LibreOfficeFiles.NOTES;
import static vn.motcua.report.importing.source.LibreOfficeFiles.filled;
import static vn.motcua.report.importing.source.LibreOfficeFiles.rows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What every workbook reader gives for the same sheet saved by LibreOffice in its format
 * ({@link LibreOfficeFiles}): each format's test runs these cases on its own file, through its own reader.
 */
abstract class WorkbookSourceCases {

    /** The file of this format. */
    abstract Path file();

    /** The sheets of the file, in order, as the format's reader lists them. */
    abstract List<String> sheets(Path file);

    /** The format's reader on one sheet. */
    abstract TableSource open(Path file, String sheet);

    private List<SheetRow> list() {
        return rows(open(file(), LIST));
    }

    @Test
    void bothSheets_areListedInOrder_andTheSecondIsReadWhenAskedFor() {
        assertThat(sheets(file())).containsExactly(LIST, NOTES);
        List<SheetRow> notes = rows(open(file(), NOTES));
        assertThat(notes).hasSize(1);
        assertThat(filled(notes.get(0))).containsExactly("Người lập biểu", "Nguyễn Thị Hằng");
    }

    @Test
    void theHeading_isTheFirstRow_inVietnamese() {
        SheetRow heading = list().get(0);
        assertThat(heading.line()).isOne();
        assertThat(heading.cells()).containsExactlyElementsOf(HEADING);
    }

    @Test
    void rows_areNumberedAsTheSheetNumbersThem() {
        assertThat(list()).extracting(SheetRow::line).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void cellDates_areIsoDates_andDatesTypedAsText_stayAsTyped() {
        List<SheetRow> rows = list();
        assertThat(rows.get(1).cell(2)).isEqualTo("2021-02-03");
        assertThat(rows.get(1).cell(3)).as("text that looks like a date").isEqualTo("05/02/2021");
        assertThat(rows.get(2).cell(2)).as("a date and time").startsWith("2021-02-19T14:15");
        assertThat(rows.get(2).cell(3)).isEqualTo("2021-02-26");
        assertThat(rows.get(3).cell(2)).isEqualTo("2021-03-01");
    }

    @Test
    void numbers_areWrittenPlainly() {
        List<SheetRow> rows = list();
        assertThat(rows.get(1).cell(4)).isEqualTo("12");
        assertThat(rows.get(2).cell(4)).isEqualTo("3.5");
    }

    @Test
    void blankCells_readAsEmpty() {
        SheetRow hs003 = list().get(3);
        assertThat(hs003.cell(0)).isEqualTo("HS-003");
        assertThat(hs003.cell(3)).isEmpty();
        assertThat(hs003.cell(4)).isEmpty();
        assertThat(hs003.cell(5)).isEqualTo("Chờ bổ sung");
        assertThat(list().get(1).cell(5)).as("a blank last cell").isEmpty();
    }

    @Test
    void mergedCells_giveTheirTextToEveryCellTheyCover() {
        List<SheetRow> rows = list();
        assertThat(rows.get(1).cell(1)).isEqualTo("Đất đai");
        assertThat(rows.get(2).cell(1)).as("merged down").isEqualTo("Đất đai");
        assertThat(filled(rows.get(4))).as("merged across").containsExactly("Tổng cộng: 3 hồ sơ", "Tổng cộng: 3 hồ sơ",
                "Tổng cộng: 3 hồ sơ");
    }

    @Test
    void vietnameseText_isReadWhole() {
        assertThat(list().get(2).cell(5)).isEqualTo("Trả lại hồ sơ");
    }

    @Test
    void theSourceSaysWhereItReads() {
        try (TableSource source = open(file(), LIST)) {
            assertThat(source.where()).isEqualTo(file() + " sheet \"" + LIST + "\"");
            assertThat(source.rowWord()).isEqualTo("row");
            assertThat(source.countsValues()).isFalse();
        }
    }
}
