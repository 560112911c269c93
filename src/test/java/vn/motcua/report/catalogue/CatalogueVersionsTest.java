package vn.motcua.report.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.TableColumn;
import vn.motcua.report.system.Sha256;
import vn.motcua.report.period.PeriodName;

/**
 * The catalogue comes from jobs/catalogue.yaml, and a revision keeps the catalogue it was run with: a
 * signed revision reads the same after fields are renamed, added, reordered and retired, and the rerun
 * names those rows. This test's own jobs folder, {@value #JOBS}, holds the catalogue it edits.
 */
@TestPropertySource(properties = "motcua.jobs=" + CatalogueVersionsTest.JOBS)
class CatalogueVersionsTest extends DatabaseTest {

    static final String JOBS = "target/test-jobs/catalogue-versions";

    static {
        // The folder must exist before the application context (and its JobsFolder) starts.
        copyJobs(Path.of(JOBS));
    }

    private static final String V1 = """
            fields:
              - code: dat-dai
                name: Đất đai
                aliases: [Đất đai - Nhà ở]
              - code: ho-tich
                name: Hộ tịch
              - code: chung-thuc
                name: Chứng thực
              - code: moi-truong
                name: Môi trường
            """;
    /** Tư pháp added first, Hộ tịch before a renamed Đất đai, Chứng thực and Môi trường retired. */
    private static final String V2 = """
            fields:
              - code: tu-phap
                name: Tư pháp
              - code: ho-tich
                name: Hộ tịch
              - code: dat-dai
                name: Đất đai và Nhà ở
                aliases: [Đất đai - Nhà ở, Đất đai]
            """;

    private static final String HEADER =
            "code,field,procedure,channel,received_at,due_at,finished_at,outcome,paused_from,paused_until,apology_at\n";

    @Autowired
    RevisionRepository revisions;

    @BeforeEach
    void firstCatalogue() throws IOException {
        catalogue(V1);
    }

    @Test
    void fieldsAreMatchedByNameOrAlias_whateverTheirCaseSpacingOrUnicodeForm() throws Exception {
        String nfd = Normalizer.normalize("HỘ TỊCH", Normalizer.Form.NFD);
        Run imported = cli("import", "dossiers", file("feb.csv", HEADER
                + "D1,\"đất  đai - NHÀ Ở\",Cấp GCN,direct,2021-02-01,2021-02-10,2021-02-09,resolved,,,\n"
                + "D2,Đất Đai,Cấp GCN,online,2021-02-03,2021-02-10,2021-02-12,resolved,,,\n"
                + "D3," + nfd + ",Khai sinh,direct,2021-02-05,2021-03-01,,,,,\n"
                + "D4,moi-truong,ĐTM,direct,2021-01-20,2021-02-01,2021-02-01,resolved,,,\n").toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertThat(jdbc.queryForList("SELECT code || ' ' || field_code FROM dossier ORDER BY code", String.class))
                .containsExactly("D1 dat-dai", "D2 dat-dai", "D3 ho-tich", "D4 moi-truong");
        // The seed's fields are not in this catalogue: retired, so refused like any unknown field.
        Run refused = cli("import", "dossiers", file("x.csv", HEADER
                + "X1,Giáo dục Đào tạo,Cấp GCN,direct,2021-02-01,2021-02-10,,,,,\n").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out() + refused.err()).contains("Giáo dục Đào tạo");
    }

    @Test
    void aSignedRevisionNeverChanges_whenTheCatalogueDoes_andTheRerunNamesTheRowsThatChanged() throws Exception {
        assertThat(cli("import", "dossiers", file("feb.csv", HEADER
                + "D1,Đất đai - Nhà ở,Cấp GCN,direct,2021-02-01,2021-02-10,2021-02-09,resolved,,,\n"
                + "D2,Đất đai,Cấp GCN,online,2021-02-03,2021-02-10,2021-02-12,resolved,,,\n"
                + "D3,Hộ tịch,Khai sinh,direct,2021-02-05,2021-03-01,,,,,\n"
                + "D4,Môi trường,ĐTM,direct,2021-01-20,2021-02-01,2021-02-01,resolved,,,\n").toString()).exitCode())
                .isZero();
        Run run = cli("run", "--period", "2021-02", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Revision r1 = revisions.find(PeriodName.parse("2021-02"), 1).orElseThrow();
        // Hand-worked: total, carried, new, resolved, on time, late, pending, not yet due, overdue.
        assertThat(table(revisions.table(r1))).containsExactly(
                "1 dat-dai Đất đai 2 0 2 2 1 1 0 0 0",
                "2 ho-tich Hộ tịch 1 0 1 0 0 0 1 1 0",
                "3 chung-thuc Chứng thực 0 0 0 0 0 0 0 0 0",
                "4 moi-truong Môi trường 1 1 0 1 1 0 0 0 0");
        Run signed = cli("sign-off", "--period", "2021-02", "--signer", "Nguyễn Văn A", "--position", "PHÓ GIÁM ĐỐC",
                "--out", tmp.toString());
        assertThat(signed.exitCode()).as(signed.out() + signed.err()).isZero();
        Path signedPdf = tmp.resolve("2021-02/bao-cao-2021-02-r1-signed.pdf");
        String sha = Sha256.of(signedPdf);
        List<Map<String, Object>> rowsBefore = jdbc.queryForList(
                "SELECT * FROM report_row WHERE revision_id = ? ORDER BY field_code", r1.id());

        catalogue(V2);
        Run rerun = cli("rerun", "--period", "2021-02", "--reason", "danh mục mới", "--out", tmp.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();

        // Revision 1 as signed: same rows, names and order; the signed file untouched and still verified.
        assertThat(jdbc.queryForList("SELECT * FROM report_row WHERE revision_id = ? ORDER BY field_code", r1.id()))
                .isEqualTo(rowsBefore);
        assertThat(table(revisions.table(r1))).containsExactly(
                "1 dat-dai Đất đai 2 0 2 2 1 1 0 0 0",
                "2 ho-tich Hộ tịch 1 0 1 0 0 0 1 1 0",
                "3 chung-thuc Chứng thực 0 0 0 0 0 0 0 0 0",
                "4 moi-truong Môi trường 1 1 0 1 1 0 0 0 0");
        assertThat(Sha256.of(signedPdf)).isEqualTo(sha);
        Run verify = cli("verify", signedPdf.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();

        // Revision 2 uses the catalogue of the day; the retired Môi trường still counts its dossier, last.
        Revision r2 = revisions.find(PeriodName.parse("2021-02"), 2).orElseThrow();
        assertThat(table(revisions.table(r2))).containsExactly(
                "1 tu-phap Tư pháp 0 0 0 0 0 0 0 0 0",
                "2 ho-tich Hộ tịch 1 0 1 0 0 0 1 1 0",
                "3 dat-dai Đất đai và Nhà ở 2 0 2 2 1 1 0 0 0",
                "4 moi-truong Môi trường 1 1 0 1 1 0 0 0 0");
        assertThat(rerun.out()).contains("Rows the catalogue changed (3):",
                "  tu-phap added: \"Tư pháp\"",
                "  dat-dai renamed: \"Đất đai\" -> \"Đất đai và Nhà ở\"",
                "  chung-thuc retired: \"Chứng thực\"",
                "Cells that changed (0):");
        List<String> csv = Files.readAllLines(tmp.resolve("2021-02/bao-cao-2021-02-r2.csv"));
        assertThat(csv.subList(1, csv.size())).containsExactly(
                "1,tu-phap,Tư pháp,0,0,0,0,0,0,0,0,0",
                "2,ho-tich,Hộ tịch,1,0,1,0,0,0,1,1,0",
                "3,dat-dai,Đất đai và Nhà ở,2,0,2,2,1,1,0,0,0",
                "4,moi-truong,Môi trường,1,1,0,1,1,0,0,0,0",
                "\"\",TOTAL,Tổng cộng,4,1,3,3,2,1,1,1,0");
        // Each field keeps its number in the per-dossier cells: the new one takes the next free number.
        assertThat(jdbc.queryForObject("SELECT position FROM field WHERE code = 'tu-phap'", Integer.class)).isEqualTo(19);
        assertThat(jdbc.queryForObject("SELECT position FROM field WHERE code = 'dat-dai'", Integer.class)).isEqualTo(2);
    }

    /** With procedures in the catalogue, an export without a field column is read through its procedures. */
    @Test
    void anExportWithoutAFieldColumn_getsEachFieldFromItsProcedure() throws Exception {
        catalogue(V1 + """
                procedures:
                  - code: 1.004227.000.00.00.H12
                    field: dat-dai
                  - name: Đăng ký khai sinh
                    field: ho-tich
                """);
        String header = "Mã hồ sơ,Mã TTHC,Tên thủ tục,Hình thức nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Kết quả\n";
        Run imported = cli("import", "dossiers", file("no-field.csv", header
                + "P1,1.004227.000.00.00.H12,Đăng ký đất đai lần đầu,Trực tiếp,01/02/2021,15/02/2021,,\n"
                + "P2,,đăng ký  KHAI SINH,Trực tuyến,02/02/2021,03/02/2021,03/02/2021,Đã giải quyết\n").toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertThat(jdbc.queryForList("SELECT code || ' ' || field_code FROM dossier ORDER BY code", String.class))
                .containsExactly("P1 dat-dai", "P2 ho-tich");
        Run refused = cli("import", "dossiers", file("unknown.csv", header
                + "P3,,Cấp phép xây dựng,Trực tiếp,01/02/2021,15/02/2021,,\n").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Cấp phép xây dựng")
                .contains("this procedure is not in the catalogue's procedures");
    }

    @Test
    void aBrokenCatalogue_refusesTheImportAndTheRun_andChangesNothing() throws Exception {
        catalogue("fields:\n  - code: dat-dai\n    name: Đất đai\n  - code: ho-tich\n    name: Đất Đai\n");
        Run imported = cli("import", "dossiers", file("feb.csv", HEADER
                + "D1,Đất đai,Cấp GCN,direct,2021-02-01,2021-02-10,2021-02-09,resolved,,,\n").toString());
        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err()).contains(JOBS + "/catalogue.yaml, line 5: fields[2].name 'Đất Đai' is already the code,"
                + " name or alias of 'dat-dai' (line 3)");
        assertThat(count("dossier")).isZero();
        Run run = cli("run", "--period", "2021-02", "--out", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(count("report_revision")).isZero();
    }

    private static List<String> table(ReportTable t) {
        return t.rows().stream().map(CatalogueVersionsTest::line).toList();
    }

    private static String line(ReportRow r) {
        StringBuilder s = new StringBuilder(r.position() + " " + r.field() + " " + r.name());
        for (long n : TableColumn.inTable(r.counts())) {
            s.append(' ').append(n);
        }
        return s.toString();
    }

    private static void catalogue(String yaml) throws IOException {
        Files.writeString(Path.of(JOBS, CatalogueFile.NAME), yaml);
    }

    /** The tests' jobs folder (report.yaml, periods/, …) copied to {@code to}. */
    static void copyJobs(Path to) {
        Path from = DatabaseTest.JOBS;
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
