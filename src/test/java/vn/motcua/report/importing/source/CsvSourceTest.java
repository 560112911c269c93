package vn.motcua.report.importing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.importing.source.LibreOfficeFiles.HEADING;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The CSV reader on the workbook's first sheet as LibreOffice saves it in UTF-8 ({@link LibreOfficeFiles}): text
 * only, so dates are as the cells showed them, and a merged cell keeps its text in its first cell only.
 */
class CsvSourceTest {

    private final Path file = LibreOfficeFiles.file("csv");

    private List<SheetRow> rows() {
        return LibreOfficeFiles.rows(new CsvSource(file));
    }

    @Test
    void theHeading_isTheFirstLine_inVietnamese_andEveryLineHasEveryValue() {
        List<SheetRow> rows = rows();
        assertThat(rows.get(0).cells()).containsExactlyElementsOf(HEADING);
        assertThat(rows).extracting(SheetRow::line).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(rows).allSatisfy(r -> assertThat(r.cells()).hasSize(HEADING.size()));
    }

    @Test
    void dates_areTheTextTheCellsShowed() {
        List<SheetRow> rows = rows();
        assertThat(rows.get(1).cell(2)).as("a cell date, shown dd/mm/yyyy").isEqualTo("03/02/2021");
        assertThat(rows.get(1).cell(3)).as("a date typed as text").isEqualTo("05/02/2021");
        assertThat(rows.get(2).cell(2)).isEqualTo("19/02/2021 14:15");
        assertThat(rows.get(2).cell(3)).isEqualTo("2021-02-26");
    }

    @Test
    void numbers_vietnameseText_andBlankValues() {
        List<SheetRow> rows = rows();
        assertThat(rows.get(1).cell(4)).isEqualTo("12");
        assertThat(rows.get(2).cell(4)).isEqualTo("3.5");
        assertThat(rows.get(2).cell(5)).isEqualTo("Trả lại hồ sơ");
        assertThat(rows.get(1).cell(5)).isEmpty();
        assertThat(rows.get(3).cell(3)).isEmpty();
        assertThat(rows.get(3).cell(4)).isEmpty();
    }

    @Test
    void aMergedCell_keepsItsTextInItsFirstCellOnly() {
        List<SheetRow> rows = rows();
        assertThat(rows.get(1).cell(1)).isEqualTo("Đất đai");
        assertThat(rows.get(2).cell(1)).as("merged down: lost in CSV").isEmpty();
        assertThat(rows.get(4).cells()).containsExactly("Tổng cộng: 3 hồ sơ", "", "", "", "", "");
    }

    @Test
    void theSourceSaysWhereItReads_andCountsTheValuesOfEachLine() {
        try (TableSource source = new CsvSource(file)) {
            assertThat(source.where()).isEqualTo(file.toString());
            assertThat(source.rowWord()).isEqualTo("line");
            assertThat(source.countsValues()).isTrue();
            assertThat(LibreOfficeFiles.rows(source)).hasSize(5);
        }
    }
}
