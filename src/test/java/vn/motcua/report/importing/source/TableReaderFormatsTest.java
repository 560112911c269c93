package vn.motcua.report.importing.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the format, the reader gives the same neutral {@link Row}s: one per dossier, by canonical column, with the
 * line the clerk sees; the heading found, the unused columns named, the total row skipped. The files are those
 * LibreOffice made ({@link LibreOfficeFiles}); only what CSV cannot carry differs (cell dates, merged cells).
 */
class TableReaderFormatsTest {

    /** Four of the sheet's columns, by their Vietnamese headings; the two others are not used. */
    private static final TableShape SHAPE = new TableShape() {
        @Override
        public String name() {
            return "dossiers";
        }

        @Override
        public List<String> columns() {
            return List.of("code", "field", "received_at", "due_at");
        }

        @Override
        public List<String> required() {
            return List.of("code", "received_at");
        }

        @Override
        public List<String> dateColumns() {
            return List.of("received_at", "due_at");
        }

        @Override
        public Map<String, String> headings() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put(Names.key("Mã hồ sơ"), "code");
            h.put(Names.key("Lĩnh vực"), "field");
            h.put(Names.key("Ngày tiếp nhận"), "received_at");
            h.put(Names.key("Ngày hẹn trả"), "due_at");
            return h;
        }
    };

    private static List<String> read(String extension, Map<String, String> written, List<String> ignored,
                                     ImportLayout[] layout) {
        List<String> rows = new ArrayList<>();
        try (TableReader reader = new TableReader(LibreOfficeFiles.file(extension), null, SHAPE)) {
            for (Row r = reader.read(); r != null; r = reader.read()) {
                rows.add(r.line() + " " + r.get("code") + " | " + r.get("field") + " | " + r.get("received_at") + " | "
                        + r.get("due_at"));
            }
            written.putAll(reader.writtenHeadings());
            ignored.addAll(reader.ignoredHeadings());
            layout[0] = reader.layout();
            assertThat(reader.rowsRead()).isEqualTo(rows.size());
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls", "ods"})
    void aWorkbook_givesOneRowPerDossier_withCellDatesAsIso_andMergedCellsFilled(String extension) {
        Map<String, String> written = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        ImportLayout[] layout = new ImportLayout[1];
        List<String> rows = read(extension, written, ignored, layout);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("2 HS-001 | Đất đai | 2021-02-03 | 05/02/2021");
        assertThat(rows.get(1)).startsWith("3 HS-002 | Đất đai | 2021-02-19T14:15").endsWith(" | 2021-02-26");
        assertThat(rows.get(2)).isEqualTo("4 HS-003 | Hộ tịch | 2021-03-01 | ");
        assertThat(written).containsEntry("code", "Mã hồ sơ").containsEntry("received_at", "Ngày tiếp nhận");
        assertThat(ignored).containsExactly("Số trang", "Ghi chú");
        assertThat(layout[0].sheet()).isEqualTo(LibreOfficeFiles.LIST);
        assertThat(layout[0].otherSheets()).containsExactly(LibreOfficeFiles.NOTES);
        assertThat(layout[0].skipped().get(ImportLayout.Skip.FOOTER).text()).isEqualTo("5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv"})
    void csv_givesTheSameRows_withDatesAsShown_andAMergedCellOnItsFirstRowOnly(String extension) {
        Map<String, String> written = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        ImportLayout[] layout = new ImportLayout[1];
        List<String> rows = read(extension, written, ignored, layout);
        assertThat(rows).containsExactly(
                "2 HS-001 | Đất đai | 03/02/2021 | 05/02/2021",
                "3 HS-002 |  | 19/02/2021 14:15 | 2021-02-26",
                "4 HS-003 | Hộ tịch | 01/03/2021 | ");
        assertThat(ignored).containsExactly("Số trang", "Ghi chú");
        assertThat(layout[0].sheet()).isNull();
        assertThat(layout[0].skipped().get(ImportLayout.Skip.FOOTER).text()).isEqualTo("5");
    }
}
