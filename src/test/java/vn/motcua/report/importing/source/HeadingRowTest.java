package vn.motcua.report.importing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import vn.motcua.report.importing.check.TransferCheck;
import vn.motcua.report.importing.check.RowCheck;
import vn.motcua.report.importing.check.ImportMapping;
import vn.motcua.report.importing.check.DossierCheck;

/** Finding the heading row among a file's first rows: the one search the CSV and .xlsx readers share. */
class HeadingRowTest {

    private static final RowCheck TRANSFERS = new TransferCheck(ImportMapping.builtIn());

    private static final List<String> HEADINGS = List.of("STT", "dossier_code", "from_level", "to_level", "sent_at");

    /** The rows given, then the end of the file; counts how many were read. */
    private static final class Rows implements Supplier<HeadingRow.Candidate> {
        private final Iterator<List<String>> rows;
        private int read;

        Rows(List<List<String>> rows) {
            this.rows = rows.iterator();
        }

        @Override
        public HeadingRow.Candidate get() {
            if (!rows.hasNext()) {
                return null;
            }
            read++;
            return new HeadingRow.Candidate(rows.next(), "f.csv line " + read);
        }
    }

    private static final ImportException EMPTY = new ImportException("import.empty-csv", "f.csv", "dossier_code");

    @Test
    void blankAndTitleRows_beforeTheHeadingRow_areSkipped_andNothingAfterItIsRead() {
        Rows rows = new Rows(List.of(List.of("", ""), List.of("Danh sách hồ sơ chuyển", ""), List.of(" "), HEADINGS,
                List.of("1", "HS-1", "district", "commune", "05/02/2021")));
        HeadingRow headings = HeadingRow.find(rows, TRANSFERS, EMPTY);
        assertThat(rows.read).isEqualTo(4);
        assertThat(headings.column(0)).isNull();
        assertThat(headings.column(1)).isEqualTo("dossier_code");
        assertThat(headings.ignored()).containsExactly("STT");
    }

    @Test
    void noHeadingRowInTheFirstRows_reportsTheFirstNonBlankRow_andReadsNoFurther() {
        List<List<String>> file = new ArrayList<>();
        file.add(List.of(""));
        for (int i = 1; i < HeadingRow.SEARCH; i++) {
            file.add(List.of("Tiêu đề " + i));
        }
        file.add(HEADINGS);   // one row too far down
        Rows rows = new Rows(file);
        assertThatThrownBy(() -> HeadingRow.find(rows, TRANSFERS, EMPTY))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("f.csv line 2: the headings do not match a transfers file; missing: dossier_code");
        assertThat(rows.read).isEqualTo(HeadingRow.SEARCH);
    }

    @Test
    void onlyBlankRows_orNone_isTheEmptyMessage() {
        assertThatThrownBy(() -> HeadingRow.find(new Rows(List.of(List.of("", " "), List.of(""))), TRANSFERS, EMPTY))
                .isSameAs(EMPTY).hasMessage("f.csv is empty: expected a heading row such as dossier_code");
        assertThatThrownBy(() -> HeadingRow.find(new Rows(List.of()), TRANSFERS, EMPTY)).isSameAs(EMPTY);
    }

    private static final RowCheck DOSSIERS = new DossierCheck(java.util.Map.of("dat-dai", "Đất đai"),
            ImportMapping.builtIn());

    @Test
    void twoRowHeading_eachColumnIsNamedByItsOwnCell_theGroupRowOnlyGroups() {
        // As a CSV saved from a sheet with merged cells: the group row's names sit in the first cell of each merge.
        Rows rows = new Rows(List.of(
                List.of("DANH SÁCH HỒ SƠ", "", "", "", "", "", "", ""),
                List.of("", "Mã hồ sơ", "Kênh tiếp nhận", "Thời gian", "", "", "Kết quả xử lý", ""),
                List.of("", "", "", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả", "Kết quả", "Ghi chú")));
        HeadingRow heading = HeadingRow.find(rows, DOSSIERS, EMPTY);
        assertThat(heading.column(1)).isEqualTo("code");
        assertThat(heading.column(2)).isEqualTo("channel");
        assertThat(heading.column(3)).isEqualTo("received_at");
        assertThat(heading.column(6)).isEqualTo("outcome");
        assertThat(heading.written().get("outcome")).isEqualTo("Kết quả");
        assertThat(heading.ignored()).containsExactly("Ghi chú");
        assertThat(heading.firstLine()).isEqualTo(-1);   // lines not given here
    }

    @Test
    void aTitleAboveAOneRowHeading_isNotTakenAsItsGroupRow() {
        List<String> names = List.of("Mã hồ sơ", "Hình thức nộp", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả",
                "Trạng thái");
        Rows rows = new Rows(List.of(List.of("DANH SÁCH HỒ SƠ THÁNG 02/2021", "", "", "", "", ""), names));
        HeadingRow heading = HeadingRow.find(rows, DOSSIERS, EMPTY);
        assertThat(heading.column(0)).isEqualTo("code");
        assertThat(heading.column(5)).isEqualTo("status");
        assertThat(heading.ignored()).isEmpty();
        assertThat(rows.read).isEqualTo(2);
    }
}
