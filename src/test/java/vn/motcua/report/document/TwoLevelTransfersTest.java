package vn.motcua.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;

/**
 * Section 2's sentence on postal transfers: with districts (the seed's wording, ReportDocumentTest) until
 * 30 June 2025; between commune and province only from 1 July 2025 (two-level local government).
 */
class TwoLevelTransfersTest {

    private static final String PROVINCE = "Trung tâm Phục vụ Hành chính công tỉnh";

    private static ReportDocumentData data(String period, Map<String, Long> transfers) {
        ReportDocumentData d = Consolidations.data(vn.motcua.report.revision.CentreTable.EMPTY);
        return new ReportDocumentData(d.centre(), Period.of(period, CutoffDay.parse("last")), d.revision(), d.texts(),
                d.periodFile(), d.table(), new Transfers(transfers), d.overdueWithoutApology(), d.recipients(),
                d.archive(), d.signer(), d.lateDossiers(), d.overdueDossiers(), d.lateRates(), d.correction(),
                d.listLimit(), d.provisional(), d.units(), d.centres());
    }

    private static String transferSentence(ReportDocumentData data) {
        return SectionsPart.computed(data).stream().filter(s -> s.contains("Bưu chính công ích")).findFirst()
                .orElseThrow();
    }

    @Test
    void fromJuly2025_communeAndProvinceOnly() {
        String s = transferSentence(data("2025-09", Map.of(Transfers.direction("commune", "province"), 7L,
                Transfers.direction("province", "commune"), 3L)));
        assertThat(s).isEqualTo("- Tháng 09/2025, việc chuyển hồ sơ qua dịch vụ Bưu chính công ích từ cấp xã lên "
                + PROVINCE + " là 07 lượt và từ " + PROVINCE + " về cấp xã 03 lượt.");
    }

    @Test
    void beforeJuly2025_orWithDistrictTransfers_theDistrictsAreNamed() {
        Map<String, Long> withDistrict = Map.of(Transfers.direction("district", "commune"), 4L,
                Transfers.direction("commune", "province"), 1L);
        assertThat(transferSentence(data("2025-06", withDistrict))).contains("từ Trung tâm Hành chính công huyện về"
                + " cấp xã là 04 lượt").contains("Ngoài ra, từ cấp xã lên " + PROVINCE + " 01 lượt");
        assertThat(transferSentence(data("2025", withDistrict))).as("a year reaching back before July 2025")
                .contains("Trung tâm Hành chính công huyện về cấp xã là 04 lượt");
    }
}
