package vn.motcua.report.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import vn.motcua.report.classify.Tally;

/** The table by centre's order, subtotals and CSV, against figures worked by hand ({@link ProvinceCentres}). */
class CentreTableTest {

    /** Columns total, carried_over, new, resolved, on_time, late, pending, not_yet_due, overdue. */
    private static long[] columns(Tally t) {
        return TableColumn.inTable(t);
    }

    @Test
    void rows_areGroupedByLevel_thenUnlisted_thenUndetermined() {
        CentreTable table = ProvinceCentres.table();
        assertThat(table.rows()).extracting(CentreRow::code).containsExactly("tinh", "chi-nhanh-1", "xa-an-phu",
                "xa-binh-my", "phuong-dong-hai", "xa-vinh-an", null, null);
        assertThat(table.rows()).extracting(CentreRow::name).endsWith(ProvinceCentres.UNLISTED_NAME,
                "Chưa xác định nơi tiếp nhận");
        assertThat(table.provincial()).extracting(CentreRow::code).containsExactly("tinh", "chi-nhanh-1");
        assertThat(table.communes()).hasSize(4);
        assertThat(table.unlisted()).extracting(CentreRow::name).containsExactly(ProvinceCentres.UNLISTED_NAME);
        assertThat(table.undetermined()).get().extracting(CentreRow::level).isEqualTo(CentreLevel.UNDETERMINED);
    }

    @Test
    void subtotalsAndTotal_areTheHandWorkedSums() {
        CentreTable table = ProvinceCentres.table();
        // tinh 100 + chi-nhanh-1 20
        assertThat(columns(table.provincialTotal())).containsExactly(120, 12, 108, 92, 85, 7, 28, 22, 6);
        // An Phú 10 + Bình Mỹ 6 + Đông Hải 30 + Vĩnh An 0
        assertThat(columns(table.communeTotal())).containsExactly(46, 4, 42, 36, 32, 4, 10, 8, 2);
        // 120 + 46 + Tân Lập 3 + undetermined 4
        assertThat(columns(table.total())).containsExactly(173, 17, 156, 133, 120, 13, 40, 31, 9);
        assertThat(table.total().get(vn.motcua.report.classify.Counter.NEW_POSTAL)).isEqualTo(6);
    }

    @Test
    void unlistedCentres_followInVietnameseOrder() {
        CentreTable table = new CentreTable(List.of(
                CentreRow.unlisted("Đội thuế Ea Kar", new Tally()),
                CentreRow.undetermined(new Tally()),
                CentreRow.unlisted("Điểm tiếp nhận Ân Thi", new Tally()),
                CentreRow.unlisted("Ban quản lý Dự án", new Tally()),
                CentreRow.unlisted("Điểm tiếp nhận An Thi", new Tally())));
        // Vietnamese order: B before Đ (after D); "An" before "Ân".
        assertThat(table.rows()).extracting(CentreRow::name).containsExactly("Ban quản lý Dự án",
                "Điểm tiếp nhận An Thi", "Điểm tiếp nhận Ân Thi", "Đội thuế Ea Kar", "Chưa xác định nơi tiếp nhận");
    }

    @Test
    void aTableThatCannotBe_isRefused() {
        Tally none = new Tally();
        assertThatThrownBy(() -> new CentreRow(null, "Xã A", CentreLevel.COMMUNE, none))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CentreRow("xa-a", "Xã A", CentreLevel.UNLISTED, none))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CentreTable(List.of(CentreRow.listed("xa-a", "Xã A", CentreLevel.COMMUNE, none),
                CentreRow.listed("xa-a", "Xã A bis", CentreLevel.COMMUNE, none)))).hasMessageContaining("xa-a");
        assertThatThrownBy(() -> new CentreTable(List.of(CentreRow.undetermined(none), CentreRow.undetermined(none))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CentreLevel.of(vn.motcua.report.centre.Level.BRANCH)).isEqualTo(CentreLevel.BRANCH);
        assertThat(CentreLevel.of(vn.motcua.report.centre.Level.BRANCH).word())
                .isEqualTo(vn.motcua.report.centre.Level.BRANCH.code());
        assertThat(CentreTable.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void csv_oneRowPerCentre_noSubtotals_thenTotal_readBackWithCommonsCsv() throws IOException {
        CentreTable table = ProvinceCentres.table();
        byte[] bytes = CsvTables.byCentre(table);
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("no,centre,name,level,total,carried_over,new,resolved,on_time,late,pending,"
                + "not_yet_due,overdue\r\n");
        List<CSVRecord> records;
        try (CSVParser csv = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            records = csv.getRecords();
        }
        assertThat(records).hasSize(9);
        assertThat(records).extracting(r -> r.get("no")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "");
        assertThat(records).extracting(r -> r.get("centre")).containsExactly("tinh", "chi-nhanh-1", "xa-an-phu",
                "xa-binh-my", "phuong-dong-hai", "xa-vinh-an", "", "", "TOTAL");
        assertThat(records).extracting(r -> r.get("level")).containsExactly("province", "branch", "commune", "commune",
                "commune", "commune", "unlisted", "undetermined", "");
        assertThat(records.get(6).get("name")).isEqualTo("TTPVHCC xã Tân Lập");
        assertThat(records.get(7).get("name")).isEqualTo("Chưa xác định nơi tiếp nhận");
        assertThat(records.get(8).get("name")).isEqualTo("Tổng cộng");
        assertThat(figures(records.get(0))).containsExactly(100, 10, 90, 75, 70, 5, 25, 20, 5);
        assertThat(figures(records.get(4))).as("Đông Hải").containsExactly(30, 3, 27, 23, 20, 3, 7, 5, 2);
        assertThat(figures(records.get(5))).as("Vĩnh An, no dossier").containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(figures(records.get(7))).containsExactly(4, 1, 3, 2, 1, 1, 2, 1, 1);
        assertThat(figures(records.get(8))).containsExactly(173, 17, 156, 133, 120, 13, 40, 31, 9);
        assertThat(text).doesNotContain("Cộng cấp");
    }

    private static long[] figures(CSVRecord r) {
        return TableColumn.IN_TABLE.stream().mapToLong(c -> Long.parseLong(r.get(c.header()))).toArray();
    }
}
