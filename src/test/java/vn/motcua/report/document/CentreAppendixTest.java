package vn.motcua.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.revision.CentreLevel;
import vn.motcua.report.revision.CentreRow;
import vn.motcua.report.revision.CentreTable;
import vn.motcua.report.revision.CsvTables;
import vn.motcua.report.revision.ProvinceCentres;

/**
 * The consolidation's table by centre in the PDF, read back with PDFBox: grouped by level with the subtotals
 * worked by hand ({@link ProvinceCentres}), each row's on-time indicator, and the CSV carried inside; a single
 * centre's document has none of it.
 */
class CentreAppendixTest {

    @TempDir
    Path tmp;

    @Test
    void theTableByCentre_isAnAppendixGroupedByLevel_withSubtotals_andEachCentresIndicator() throws Exception {
        Path pdf = render(Consolidations.data(ProvinceCentres.table()), "province.pdf");
        PdfText doc = PdfText.read(pdf);
        int page = pageWith(doc, "PHỤ LỤC 05");
        assertThat(doc.pageSizes().get(page - 1)[0]).as("landscape").isGreaterThan(doc.pageSizes().get(page - 1)[1]);
        assertThat(doc.flat(page)).contains(CentreAppendix.TITLE, "Nơi tiếp nhận hồ sơ", "Tỷ lệ đúng hạn",
                "(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12)", "Quyết định số 766/QĐ-TTg");

        // Lines as the page shows them, in this order: group rows, centres, subtotals, the total.
        List<String> lines = doc.bodyByPosition().get(page - 1).lines()
                .map(l -> l.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip()).toList();
        List<String> expected = List.of(
                "I Cấp tỉnh",
                "1 " + ProvinceCentres.PROVINCE_NAME + " 100 10 90 75 70 5 25 20 5 90,0%",
                "2 " + ProvinceCentres.BRANCH_NAME + " 20 2 18 17 15 2 3 2 1 85,0%",
                "Cộng cấp tỉnh 120 12 108 92 85 7 28 22 6 89,2%",
                "II Cấp xã",
                "3 Trung tâm Phục vụ hành chính công xã An Phú 10 1 9 9 8 1 1 1 0 90,0%",
                "4 Trung tâm Phục vụ hành chính công xã Bình Mỹ 6 0 6 4 4 0 2 2 0 100,0%",
                "5 Trung tâm Phục vụ hành chính công phường Đông Hải 30 3 27 23 20 3 7 5 2 83,3%",
                "6 Trung tâm Phục vụ hành chính công xã Vĩnh An 0 0 0 0 0 0 0 0 0 –",
                "Cộng cấp xã 46 4 42 36 32 4 10 8 2 87,0%",
                "III Nơi tiếp nhận khác",
                "7 TTPVHCC xã Tân Lập 3 0 3 3 2 1 0 0 0 66,7%",
                "8 Chưa xác định nơi tiếp nhận 4 1 3 2 1 1 2 1 1 50,0%",
                "Tổng cộng 173 17 156 133 120 13 40 31 9 87,3%");
        assertThat(lines).containsSubsequence(expected);

        // The CSV beside the report is carried inside, byte for byte, after the two a single centre's report carries.
        assertThat(ReportDocument.tables(Consolidations.data(ProvinceCentres.table())))
                .extracting(ArchivalPdf.Attachment::name).containsExactly("bao-cao-2025-09-r1.csv",
                        "bao-cao-2025-09-r1-don-vi.csv", "bao-cao-2025-09-r1-trung-tam.csv");
        Map<String, byte[]> carried = embedded(pdf);
        assertThat(carried.keySet()).containsExactly("bao-cao-2025-09-r1-don-vi.csv", "bao-cao-2025-09-r1-trung-tam.csv",
                "bao-cao-2025-09-r1.csv");
        assertThat(carried.get("bao-cao-2025-09-r1-trung-tam.csv")).isEqualTo(CsvTables.byCentre(ProvinceCentres.table()));
    }

    /**
     * The consolidation's own wording, worked by hand from {@link ProvinceCentres}: two provincial centres and four
     * communes; late / overdue 5/5 at the province's centre, 2/1 at the branch, 1/0 at An Phú, 3/2 at Đông Hải, 1/0
     * at the unlisted Tân Lập, 1/1 with no centre, none elsewhere.
     */
    @Test
    void theConsolidation_speaksOfTheProvincesCentres_namesThoseWithMostLateDossiers_andListsByCentre() throws Exception {
        PdfText doc = PdfText.read(render(Consolidations.data(ProvinceCentres.table()), "wording.pdf"));
        String flat = doc.flat().replaceAll("\\s+", " ");
        assertThat(flat).contains("theo cơ chế một cửa tại các Trung tâm Phục vụ hành chính công trên địa bàn tỉnh Hà "
                        + "Tiên tháng 09/2025",
                "tháng 09/2025 tại các Trung tâm Phục vụ hành chính công trên địa bàn tỉnh Hà Tiên (06 trung tâm: cấp "
                        + "tỉnh 02, cấp xã 04) trong thời gian từ ngày",
                // (120 on time or early + 31 pending in time) / 173 = 87,28%.
                "của các Trung tâm trên địa bàn là 87,3%; số liệu và tỷ lệ của từng nơi tiếp nhận tại Phụ lục 05.",
                // Five places with some; the three with most: 10, 5, 3; the undetermined ones told apart.
                "Trong kỳ, 05 nơi tiếp nhận có hồ sơ giải quyết trễ hẹn hoặc đang giải quyết quá hạn; nhiều nhất là: "
                        + ProvinceCentres.PROVINCE_NAME + " (05 hồ sơ giải quyết trễ hẹn, 05 hồ sơ đang giải quyết quá "
                        + "hạn); Trung tâm Phục vụ hành chính công phường Đông Hải (03 hồ sơ giải quyết trễ hẹn, 02 hồ "
                        + "sơ đang giải quyết quá hạn); " + ProvinceCentres.BRANCH_NAME + " (02 hồ sơ giải quyết trễ "
                        + "hẹn, 01 hồ sơ đang giải quyết quá hạn).",
                "Ngoài ra, 01 hồ sơ giải quyết trễ hẹn, 01 hồ sơ đang giải quyết quá hạn chưa xác định nơi tiếp nhận.");

        String lists = flat.substring(flat.indexOf("PHỤ LỤC 02"), flat.indexOf("PHỤ LỤC 03"));
        assertThat(lists).containsSubsequence(ProvinceCentres.PROVINCE_NAME + ": 5 hồ sơ",
                "Sở Nông nghiệp và Môi trường: 5 hồ sơ", "TH-1", ProvinceCentres.BRANCH_NAME + ": 2 hồ sơ", "TH-6",
                "Trung tâm Phục vụ hành chính công xã An Phú: 1 hồ sơ", "TH-8",
                "Trung tâm Phục vụ hành chính công phường Đông Hải: 3 hồ sơ", "TH-9",
                ProvinceCentres.UNLISTED_NAME + ": 1 hồ sơ", "TH-12", CentreRow.UNDETERMINED_NAME + ": 1 hồ sơ", "TH-13");
        assertThat(lists).doesNotContain("Bình Mỹ", "Vĩnh An");
    }

    /** A large province: 150 communes run over several landscape pages, the headings repeated on each. */
    @Test
    void manyCommunes_runOverPages_withTheHeadingsRepeated_andTheirSubtotal() throws Exception {
        List<CentreRow> rows = new ArrayList<>();
        rows.add(CentreRow.listed("tinh", ProvinceCentres.PROVINCE_NAME, CentreLevel.PROVINCE,
                ProvinceCentres.tally(0, 4, 0, 0, 0, 3, 1, 0, 0)));
        for (int i = 1; i <= 150; i++) {
            // Commune i: i new dossiers, one of them late when i is even.
            int late = i % 2 == 0 ? 1 : 0;
            rows.add(CentreRow.listed("xa-" + i, "Trung tâm Phục vụ hành chính công xã Số " + i, CentreLevel.COMMUNE,
                    ProvinceCentres.tally(0, i, 0, 0, 0, i - late, late, 0, 0)));
        }
        Path pdf = render(Consolidations.data(new CentreTable(rows)), "large.pdf");
        PdfText doc = PdfText.read(pdf);
        int first = pageWith(doc, CentreAppendix.TITLE);
        assertThat(doc.pages() - first).as("more pages after the first of the table").isGreaterThanOrEqualTo(3);
        for (int p = first; p <= doc.pages(); p++) {
            assertThat(doc.pageSizes().get(p - 1)[0]).as("page %d landscape", p).isGreaterThan(doc.pageSizes().get(p - 1)[1]);
            assertThat(doc.flat(p)).as("page %d repeats the headings", p)
                    .contains("Nơi tiếp nhận hồ sơ", "(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12)");
        }
        // 1 + 2 + … + 150 = 11,325 dossiers, 75 of them late; with the province's 4 (1 late): 11,329 and 76.
        String last = doc.byPosition(doc.pages());
        assertThat(last).contains("151 Trung tâm Phục vụ hành chính công xã Số 150 150 0 150 150 149 1 0 0 0 99,3%",
                "Cộng cấp xã 11.325 0 11.325 11.325 11.250 75 0 0 0 99,3%",
                "Tổng cộng 11.329 0 11.329 11.329 11.253 76 0 0 0 99,3%");
    }

    @Test
    void withoutUnits_theTableByCentreIsAppendix04() throws Exception {
        ReportDocumentData full = Consolidations.data(ProvinceCentres.table());
        ReportDocumentData noUnits = new ReportDocumentData(full.centre(), full.period(), full.revision(), full.texts(),
                full.periodFile(), full.table(), full.transfers(), full.overdueWithoutApology(), full.recipients(),
                full.archive(), full.signer(), full.lateDossiers(), full.overdueDossiers(), full.lateRates(),
                full.correction(), full.listLimit(), full.provisional(),
                new vn.motcua.report.revision.ReportTable(full.table().revision(), List.of()), full.centres());
        PdfText doc = PdfText.read(render(noUnits, "no-units.pdf"));
        assertThat(doc.flat(pageWith(doc, "PHỤ LỤC 04"))).contains(CentreAppendix.TITLE);
        assertThat(doc.flat()).doesNotContain("PHỤ LỤC 05");
    }

    @Test
    void aSingleCentre_hasNoTableByCentre_andTheSameDocumentWithoutOrWithAnEmptyOne() throws Exception {
        ReportDocumentData single = Consolidations.data(ProvinceCentres.table()).withCentres(null);
        assertThat(single.hasCentres()).isFalse();
        assertThat(single.withCentres(CentreTable.EMPTY).hasCentres()).isFalse();
        Path withNone = render(single, "single.pdf");
        Path withEmpty = render(single.withCentres(CentreTable.EMPTY), "single-empty.pdf");
        PdfText none = PdfText.read(withNone);
        PdfText empty = PdfText.read(withEmpty);
        assertThat(none.flat()).contains("PHỤ LỤC 04").doesNotContain("PHỤ LỤC 05")
                .doesNotContain(CentreAppendix.TITLE).doesNotContain("Cộng cấp");
        assertThat(empty.pages()).isEqualTo(none.pages());
        for (int p = 1; p <= none.pages(); p++) {
            assertThat(empty.byPosition(p)).as("page %d", p).isEqualTo(none.byPosition(p));
        }
        assertThat(embedded(withNone).keySet()).containsExactly("bao-cao-2025-09-r1-don-vi.csv", "bao-cao-2025-09-r1.csv");
        assertThat(embedded(withEmpty).keySet()).isEqualTo(embedded(withNone).keySet());
        assertThat(ReportDocument.tables(single.withCentres(CentreTable.EMPTY))).extracting(ArchivalPdf.Attachment::name)
                .containsExactly("bao-cao-2025-09-r1.csv", "bao-cao-2025-09-r1-don-vi.csv");
    }

    private Path render(ReportDocumentData data, String name) throws IOException {
        Path pdf = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(pdf)) {
            ReportDocument.render(data, true, out);
        }
        return pdf;
    }

    /** The files the PDF carries, by name, as PDFBox reads them. */
    static Map<String, byte[]> embedded(Path pdf) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDEmbeddedFilesNameTreeNode tree = new PDDocumentNameDictionary(doc.getDocumentCatalog()).getEmbeddedFiles();
            if (tree == null) {
                return files;
            }
            List<PDNameTreeNode<PDComplexFileSpecification>> nodes = new ArrayList<>(List.of(tree));
            if (tree.getKids() != null) {
                nodes.addAll(tree.getKids());
            }
            for (PDNameTreeNode<PDComplexFileSpecification> node : nodes) {
                if (node.getNames() != null) {
                    for (Map.Entry<String, PDComplexFileSpecification> e : node.getNames().entrySet()) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        bytes.write(e.getValue().getEmbeddedFile().toByteArray());
                        files.put(e.getValue().getFilename(), bytes.toByteArray());
                    }
                }
            }
        }
        return files;
    }

    static int pageWith(PdfText doc, String text) {
        for (int i = 1; i <= doc.pages(); i++) {
            if (doc.flat(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no page has " + text);
    }
}
