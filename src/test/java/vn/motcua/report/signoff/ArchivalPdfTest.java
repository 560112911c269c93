package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
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

    private static TestPki pki;

    @BeforeAll
    static void authority() throws Exception {
        pki = new TestPki();
    }

    @AfterEach
    void forgetPassword() {
        System.clearProperty("MOTCUA_KEYSTORE_PASSWORD");
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

        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", TestPki.PASSWORD);
        Path keystore = TestPki.p12(tmp.resolve("giam-doc.p12"), "giam-doc", pki.person());
        Path sealKeystore = TestPki.p12(tmp.resolve("van-thu.p12"), "co-quan", pki.organisation());
        Run signOff = cli("sign-off", "--period", "2021-02", "--signer", TestPki.PERSON, "--position", "PHÓ GIÁM ĐỐC",
                "--on-behalf", "KT. GIÁM ĐỐC", "--keystore", keystore.toString(),
                "--signature-image", Images.signature(tmp.resolve("chu-ky.png")).toString());
        assertThat(signOff.exitCode()).as(signOff.err()).isZero();
        Path signed = folder.resolve("bao-cao-2021-02-r1-signed.pdf");
        assertThat(VeraPdf.failures(Files.readAllBytes(signed))).as("signed").isEmpty();
        Run seal = cli("seal", "--period", "2021-02", "--keystore", sealKeystore.toString(),
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
        String pdfsig = Pdfsig.run(sealed);
        assertThat(pdfsig.split("Signature is Valid", -1)).as(pdfsig).hasSize(3);
    }
}
