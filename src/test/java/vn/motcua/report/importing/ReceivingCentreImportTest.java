package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.system.Messages;

/**
 * The centre that received each dossier ("Nơi tiếp nhận"), imported as the export writes it, normalised for display,
 * whichever of its usual headings the export uses; the summary names the received centres centres.yaml does not
 * list. This test's own jobs folder, {@value #JOBS}, gets a centres.yaml only in the tests that need one.
 */
@TestPropertySource(properties = "motcua.jobs=" + ReceivingCentreImportTest.JOBS)
class ReceivingCentreImportTest extends DatabaseTest {

    static final String JOBS = "target/test-jobs/receiving-centre";

    private static final String CENTRES = """
            consolidation:
              code: tong-hop
              parent-body: UBND tỉnh Hà Tiên
              name: Văn phòng UBND tỉnh
              place: Hà Tiên
              symbol: VPUBND
              signer: {position: CHÁNH VĂN PHÒNG, name: Lê Thị Hoa}
              recipients: [Lưu VT.]
            centres:
              - code: xa-an-phu
                name: Trung tâm Phục vụ hành chính công xã An Phú
                level: commune
                parent-body: UBND xã An Phú
                place: An Phú
                symbol: TTPVHCC
                aliases: [TTPVHCC xã An Phú]
              - code: tinh
                name: Trung tâm Phục vụ hành chính công tỉnh Hà Tiên
                level: province
                parent-body: Văn phòng UBND tỉnh Hà Tiên
                place: Hà Tiên
                symbol: TTPVHCC
            """;

    static {
        jobsFolder(JOBS, null);
    }

    @Autowired
    ImportService imports;

    @Autowired
    JobsFolder jobs;

    @AfterEach
    void noCentresFile() throws IOException {
        Files.deleteIfExists(Path.of(JOBS, Centres.FILE));
    }

    /** An export as one-stop systems write it, with the receiving centre under {@code heading}. */
    private static String export(String heading, String... rows) {
        StringBuilder csv = new StringBuilder("Mã hồ sơ;Lĩnh vực;Thủ tục;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;"
                + "Ngày có kết quả;Kết quả;" + heading + "\n");
        for (String row : rows) {
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    /** A dossier of February 2021 received by {@code centre}. */
    private static String row(String code, String centre) {
        return code + ";Đất đai;Cấp GCN;Trực tiếp;01/02/2021;20/02/2021;;;" + centre;
    }

    private Map<String, String> centres() {
        Map<String, String> stored = new java.util.TreeMap<>();
        jdbc.query("SELECT code, centre FROM dossier", rs -> {
            stored.put(rs.getString(1), rs.getString(2));
        });
        return stored;
    }

    @Test
    void eachUsualHeading_givesTheReceivingCentre_normalisedForDisplay_itsCaseKept() throws Exception {
        String decomposed = Normalizer.normalize("Trung tâm Phục vụ hành chính công xã An Phú", Normalizer.Form.NFD);
        List<String> headings = List.of("Nơi tiếp nhận", "Đơn vị tiếp nhận", "BỘ PHẬN  TIẾP NHẬN", "centre");
        for (int i = 0; i < headings.size(); i++) {
            Run run = cli("import", "dossiers", file("export-" + i + ".csv", export(headings.get(i),
                    row("H" + i + "-1", "  " + decomposed + " "), row("H" + i + "-2", "ttpvhcc   XÃ An Phú"))).toString());
            assertThat(run.exitCode()).as(headings.get(i) + ": " + run.err()).isZero();
            assertThat(run.out()).as(headings.get(i)).contains("2 rows, 2 added");
            assertThat(run.out() + run.err()).as("the column is used, not ignored").doesNotContain(headings.get(i));
        }
        Map<String, String> stored = centres();
        assertThat(stored).hasSize(8);
        for (int i = 0; i < headings.size(); i++) {
            assertThat(stored.get("H" + i + "-1")).as("NFC, trimmed").isEqualTo("Trung tâm Phục vụ hành chính công xã An Phú")
                    .isNotEqualTo(decomposed);
            assertThat(stored.get("H" + i + "-2")).as("spaces collapsed, case kept").isEqualTo("ttpvhcc XÃ An Phú");
        }
    }

    @Test
    void aBlankCentre_orNoColumn_isStoredAsNull() throws Exception {
        Run run = cli("import", "dossiers", file("blank.csv", export("Nơi tiếp nhận", row("B1", "   "), row("B2", ""),
                row("B3", "Bộ phận một cửa xã Bình An"))).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Run without = cli("import", "dossiers", file("without.csv", "Mã hồ sơ;Lĩnh vực;Thủ tục;Hình thức nộp;"
                + "Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Kết quả\nN1;Đất đai;Cấp GCN;Trực tiếp;01/02/2021;20/02/2021;;\n")
                .toString());
        assertThat(without.exitCode()).as(without.err()).isZero();
        Map<String, String> stored = centres();
        assertThat(stored).containsKeys("B1", "B2", "N1");
        assertThat(stored.get("B1")).isNull();
        assertThat(stored.get("B2")).isNull();
        assertThat(stored.get("N1")).isNull();
        assertThat(stored.get("B3")).isEqualTo("Bộ phận một cửa xã Bình An");
    }

    /** Through the staging table and the merge: the direct COPY cannot take a code stored before. */
    @Test
    void aReimportMovingADossierToAnotherCentre_updatesIt_andChangesTheReportMadeBefore() throws Exception {
        Run first = cli("import", "dossiers", file("first.csv", export("Nơi tiếp nhận",
                row("M1", "TTPVHCC xã An Phú"), row("M2", "TTPVHCC xã An Phú"), row("M3", ""))).toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Run report = cli("run", "--period", "2021-02", "--out", tmp.resolve("out").toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        long firstImport = jdbc.queryForObject("SELECT import_id FROM dossier WHERE code = 'M1'", Long.class);

        Run moved = cli("import", "dossiers", file("moved.csv", export("Đơn vị tiếp nhận",
                row("M1", "Trung tâm Phục vụ hành chính công tỉnh Hà Tiên"), row("M2", "TTPVHCC xã An Phú"),
                row("M3", "TTPVHCC xã An Phú"))).toString());
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("3 rows, 0 added, 2 changed, 1 unchanged");
        assertThat(moved.out()).as("a change since the report, as any column's")
                .contains("2021-02 revision 1: 2 dossiers changed after the report was made");
        assertThat(centres()).containsEntry("M1", "Trung tâm Phục vụ hành chính công tỉnh Hà Tiên")
                .containsEntry("M2", "TTPVHCC xã An Phú").containsEntry("M3", "TTPVHCC xã An Phú");
        assertThat(jdbc.queryForObject("SELECT import_id FROM dossier WHERE code = 'M2'", Long.class))
                .as("unchanged: still the first import's").isEqualTo(firstImport);
        assertThat(jdbc.queryForObject("SELECT import_id FROM dossier WHERE code = 'M1'", Long.class))
                .isNotEqualTo(firstImport);

        Run back = cli("import", "dossiers", file("back.csv", export("Nơi tiếp nhận", row("M1", "TTPVHCC xã An Phú"),
                row("M2", "TTPVHCC xã An Phú"), row("M3", " "))).toString());
        assertThat(back.out()).contains("3 rows, 0 added, 2 changed, 1 unchanged");
        assertThat(centres()).containsEntry("M1", "TTPVHCC xã An Phú").containsEntry("M3", null);
    }

    @Test
    void withCentresYaml_theSummaryNamesTheReceivedCentresItDoesNotList() throws Exception {
        Path export = file("province.csv", export("Nơi tiếp nhận", row("P1", "ttpvhcc xã an phú"),
                row("P2", "Trung tâm Phục vụ hành chính công tỉnh Hà Tiên"), row("P3", "Bộ phận một cửa  xã Bình An"),
                row("P4", "Bộ phận một cửa xã Bình An"), row("P5", ""), row("P6", "xa-an-phu"),
                row("P7", "Trung tâm huyện cũ")));
        jobs.readAfresh();
        assertThat(imports.importFile("dossiers", export).unlistedCentres()).as("no centres.yaml: none named").isEmpty();

        Files.writeString(Path.of(JOBS, Centres.FILE), CENTRES);
        jobs.readAfresh();
        jdbc.update("DELETE FROM dossier");
        ImportSummary summary = imports.importFile("dossiers", export);
        assertThat(summary.stored()).isTrue();
        assertThat(summary.unlistedCentres()).containsExactly(Map.entry("Bộ phận một cửa xã Bình An", 2L),
                Map.entry("Trung tâm huyện cũ", 1L));

        jdbc.update("DELETE FROM dossier");
        Run imported = cli("import", "dossiers", export.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Receiving centres jobs/centres.yaml does not list, counted under these names after the"
                        + " listed centres: Bộ phận một cửa xã Bình An (2 dossiers); Trung tâm huyện cũ (1 dossiers).");
        assertThat(Messages.of(Messages.VIETNAMESE).text(Centres.UNLISTED_MESSAGE, "X"))
                .startsWith("Nơi tiếp nhận không có trong jobs/centres.yaml");
    }

    @Test
    void aWrongCentresYaml_refusesTheImport_namingFileLineAndKey_andStoresNothing() throws Exception {
        Files.writeString(Path.of(JOBS, Centres.FILE), CENTRES.replace("level: province", "level: district"));
        Run run = cli("import", "dossiers", file("refused.csv", export("Nơi tiếp nhận", row("R1", "X"))).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("centres.yaml, line 19: centres[2].level 'district' is not a level");
        assertThat(count("dossier")).isZero();
    }

    @Test
    void aWorkbookMadeByLibreOffice_givesTheReceivingCentre() throws Exception {
        String skip = OfficeFiles.missing();
        if (skip != null) {
            System.out.println("ReceivingCentreImportTest: " + skip);
            return;
        }
        OfficeFiles.Book book = new OfficeFiles.Book();
        List<List<String>> sheet = book.sheet("Danh sách");
        OfficeFiles.Book.row(sheet, "Mã hồ sơ", "Lĩnh vực", "Thủ tục", "Hình thức nộp", "Ngày tiếp nhận", "Ngày hẹn trả",
                "Ngày có kết quả", "Kết quả", "Bộ phận tiếp nhận");
        OfficeFiles.Book.row(sheet, "W1", "Đất đai", "Cấp GCN", "Trực tiếp", "2021-02-01«d»", "2021-02-10«d»", "", "",
                "TTPVHCC  xã An Phú");
        OfficeFiles.Book.row(sheet, "W2", "Đất đai", "Cấp GCN", "Trực tiếp", "2021-02-02«d»", "2021-02-10«d»", "", "", "");
        OfficeFiles.Book.row(sheet, "W3", "Đất đai", "Cấp GCN", "Trực tiếp", "2021-02-03«d»", "2021-02-10«d»", "", "",
                "Trung tâm Phục vụ hành chính công tỉnh Hà Tiên");
        Path source = Files.createDirectories(tmp.resolve("src")).resolve("centres.fods");
        book.write(source);
        OfficeFiles.convert(List.of(source), "xlsx", tmp);
        Run run = cli("import", "dossiers", tmp.resolve("centres.xlsx").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 rows, 3 added");
        Map<String, String> stored = centres();
        assertThat(stored).containsEntry("W1", "TTPVHCC xã An Phú").containsEntry("W2", null)
                .containsEntry("W3", "Trung tâm Phục vụ hành chính công tỉnh Hà Tiên");
        assertThat(jdbc.queryForObject("SELECT received_on FROM dossier WHERE code = 'W3'", String.class))
                .isEqualTo("2021-02-03");
    }
}
