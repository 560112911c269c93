package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;

/**
 * Every PDF the product writes is PDF/A-3b as veraPDF checks it (the draft, the signed-off file, the sealed
 * one), and carries the report's tables as associated files that a recipient extracts (poppler's pdfdetach)
 * byte for byte as the CSV files written beside it.
 */
class ArchivalPdfTest extends DatabaseTest {

    private static Signers signers;

    @BeforeAll
    static void authority() throws Exception {
        signers = new Signers(new TestPki());
    }

    @AfterEach
    void forgetPassword() {
        Signers.forgetPassword();
    }

    @Test
    void veraPdf_findsWhatIsNotPdfA() throws Exception {
        // The check itself can fail: a plain PDF (no metadata, no output intent) is not PDF/A.
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, plain);
        document.open();
        document.add(new Paragraph("Báo cáo"));
        document.close();
        assertThat(VeraPdf.failures(plain.toByteArray())).isNotEmpty();
    }

    @Test
    void draftSignedAndSealed_arePdfA3b_andCarryTheCsvTablesBesideThem() throws Exception {
        Run demo = cli("demo", "--out", tmp.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        Path folder = tmp.resolve("2021-02");
        Path draft = folder.resolve("bao-cao-2021-02-r1.pdf");
        assertThat(VeraPdf.failures(Files.readAllBytes(draft))).as("draft").isEmpty();

        Signers.Keystores keystores = signers.keystores(tmp);
        Run signOff = cli("sign-off", "--period", "2021-02", "--signer", TestPki.PERSON, "--position", "PHÓ GIÁM ĐỐC",
                "--on-behalf", "KT. GIÁM ĐỐC", "--keystore", keystores.person().toString(),
                "--signature-image", Images.signature(tmp.resolve("chu-ky.png")).toString());
        assertThat(signOff.exitCode()).as(signOff.err()).isZero();
        Path signed = folder.resolve("bao-cao-2021-02-r1-signed.pdf");
        assertThat(VeraPdf.failures(Files.readAllBytes(signed))).as("signed").isEmpty();
        Run seal = cli("seal", "--period", "2021-02", "--keystore", keystores.organisation().toString(),
                "--seal-image", Images.seal(tmp.resolve("con-dau.png")).toString());
        assertThat(seal.exitCode()).as(seal.err()).isZero();
        Path sealed = folder.resolve("bao-cao-2021-02-r1-sealed.pdf");
        assertThat(VeraPdf.failures(Files.readAllBytes(sealed))).as("sealed").isEmpty();

        List<String> tables = List.of("bao-cao-2021-02-r1.csv", "bao-cao-2021-02-r1-don-vi.csv");
        for (Path pdf : List.of(draft, signed, sealed)) {
            Path extracted = Files.createDirectories(tmp.resolve("extracted-" + pdf.getFileName()));
            String listed = Pdfsig.poppler("pdfdetach", "-list", pdf.toString());
            assertThat(listed).as(pdf.toString()).contains("2 embedded files").contains(tables);
            Pdfsig.poppler("pdfdetach", "-saveall", "-o", extracted.toString(), pdf.toString());
            for (String table : tables) {
                assertThat(Files.readAllBytes(extracted.resolve(table))).as(pdf.getFileName() + ": " + table)
                        .isEqualTo(Files.readAllBytes(folder.resolve(table)));
            }
        }
        // What PDF/A-3 asks of associated files, as another library reads it: the catalogue's /AF, each file
        // the document's data, with its MIME type and modification date.
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(sealed))) {
            COSArray associated = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
            assertThat(associated).isNotNull();
            assertThat(associated.size()).isEqualTo(tables.size());
            for (int i = 0; i < associated.size(); i++) {
                COSDictionary file = (COSDictionary) associated.getObject(i);
                assertThat(file.getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Data");
                assertThat(file.getString(COSName.UF)).isEqualTo(tables.get(i));
                COSStream content = (COSStream) file.getCOSDictionary(COSName.EF).getDictionaryObject(COSName.F);
                assertThat(content.getNameAsString(COSName.SUBTYPE)).isEqualTo("text/csv");
                assertThat(content.getCOSDictionary(COSName.PARAMS).getDate(COSName.MOD_DATE)).isNotNull();
            }
        }
        String pdfsig = Pdfsig.run(sealed);
        assertThat(pdfsig.split("Signature is Valid", -1)).as(pdfsig).hasSize(3);
    }

    @Test
    void verify_comparesTheCarriedTablesWithTheRevisionsRows_aCellChangedAfterSigningIsExitOne() throws Exception {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        Signers.Keystores keystores = signers.keystores(tmp);
        Run signOff = cli("sign-off", "--period", "2021-02", "--signer", TestPki.PERSON, "--position", "GIÁM ĐỐC",
                "--keystore", keystores.person().toString(), "--out", tmp.toString());
        assertThat(signOff.exitCode()).as(signOff.err()).isZero();
        Path signed = tmp.resolve("2021-02/bao-cao-2021-02-r1-signed.pdf");
        Run unchanged = cli("verify", signed.toString());
        assertThat(unchanged.exitCode()).as(unchanged.out() + unchanged.err()).isZero();
        assertThat(unchanged.out()).contains("The tables it carries (bao-cao-2021-02-r1.csv, bao-cao-2021-02-r1-don-vi.csv)"
                + " are the revision's rows in this database, cell for cell.");

        // Someone who got past the database (the owner of its tables can switch the freezing trigger off) changes
        // one figure of the signed revision: the field with the most late dossiers.
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT field_code, field_name, late, position FROM (
                       SELECT field_code, field_name, late, field_order,
                              row_number() OVER (ORDER BY field_order, field_code) AS position
                         FROM report_row r JOIN report_revision v ON v.id = r.revision_id
                        WHERE v.period = '2021-02' AND v.revision = 1) t
                 ORDER BY late DESC, field_order LIMIT 1""");
        long late = ((Number) row.get("late")).longValue();
        jdbc.execute("ALTER TABLE report_row DISABLE TRIGGER report_row_frozen;"
                + " UPDATE report_row SET late = late + 1 WHERE field_code = '" + row.get("field_code") + "';"
                + " ALTER TABLE report_row ENABLE TRIGGER report_row_frozen");

        Run changed = cli("verify", signed.toString());
        assertThat(changed.exitCode()).as(changed.out() + changed.err()).isEqualTo(1);
        assertThat(changed.err()).contains("NOT VERIFIED")
                .contains("The table bao-cao-2021-02-r1.csv that the signed file carries differs from the revision's rows"
                        + " in this database: row " + row.get("position") + " (" + row.get("field_code") + ", "
                        + row.get("field_name") + "), column late: the signed file says " + late
                        + ", the database now says " + (late + 1) + " (2 cells differ in all).")
                .contains("Signature 'ChuKySo': valid")
                .doesNotContain("bao-cao-2021-02-r1-don-vi.csv").doesNotContain("Exception");
        Run vietnamese = cliIn(java.util.Locale.forLanguageTag("vi"), "verify", signed.toString());
        assertThat(vietnamese.exitCode()).isEqualTo(1);
        assertThat(vietnamese.err()).contains("Bảng bao-cao-2021-02-r1.csv trong tệp đã ký khác với số liệu")
                .contains("cột late: tệp đã ký ghi " + late + ", cơ sở dữ liệu nay ghi " + (late + 1));

        // The per-unit rows taken away altogether: the table the file carries is compared with an empty one.
        jdbc.execute("ALTER TABLE report_unit_row DISABLE TRIGGER report_unit_row_frozen; DELETE FROM report_unit_row;"
                + " ALTER TABLE report_unit_row ENABLE TRIGGER report_unit_row_frozen");
        Run unitsGone = cli("verify", signed.toString());
        assertThat(unitsGone.exitCode()).isEqualTo(1);
        assertThat(unitsGone.err()).contains("The table bao-cao-2021-02-r1-don-vi.csv that the signed file carries differs")
                .contains("The table bao-cao-2021-02-r1.csv that the signed file carries differs");

        // A recipient's machine, whose database does not know the file: the signatures hold, nothing to compare.
        jdbc.execute("TRUNCATE report_seal, report_cited_centre, report_centre_row, report_dossier_block, report_row, report_unit_row, report_unit_name, report_unit_sum, report_revision");
        Run elsewhere = cli("verify", signed.toString());
        assertThat(elsewhere.exitCode()).as(elsewhere.out() + elsewhere.err()).isEqualTo(3);
    }
}
