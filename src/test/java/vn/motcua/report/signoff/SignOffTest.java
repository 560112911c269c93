package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.system.Sha256;

/**
 * sign-off (final PDF, PAdES signature, certificate checks, record, freeze), seal (the organisation's
 * signature appended), and verify (0 here, 3 elsewhere, 1 for each tampering, 2 for what is not a PDF),
 * checked by DSS and poppler's pdfsig besides the product's own verify.
 */
class SignOffTest extends DatabaseTest {

    private static TestPki pki;
    private static Signers signers;

    private Path keystore;
    private Path sealKeystore;

    @BeforeAll
    static void authority() throws Exception {
        pki = new TestPki();
        signers = new Signers(pki);
    }

    @BeforeEach
    void keystoreAndReport() throws Exception {
        Signers.Keystores keystores = signers.keystores(tmp);
        keystore = keystores.person();
        sealKeystore = keystores.organisation();
        Run demo = cli("demo", "--out", tmp.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    @AfterEach
    void forgetPassword() {
        Signers.forgetPassword();
    }

    private Run signOff(String... extra) {
        return cli(Signers.signOff(tmp, extra));
    }

    private Path signed() {
        return Signers.signed(tmp, 1);
    }

    private Path sealed() {
        return Signers.sealed(tmp);
    }

    @Test
    void signOffThenSeal_bothPadesBaselineB_validForDssPdfsigAndVerify() throws Exception {
        Run signedOff = cli(Signers.concat(new String[] {"sign-off", "--period", "2021-02", "--signer", "NGUYỄN VĂN A",
                "--position", "PHÓ GIÁM ĐỐC", "--on-behalf", "KT. GIÁM ĐỐC", "--out", tmp.toString()},
                "--keystore", keystore.toString(), "--signature-image", Images.signature(tmp.resolve("chu-ky.png")).toString()));
        assertThat(signedOff.exitCode()).as(signedOff.err()).isZero();
        assertThat(signedOff.out()).contains("Signed off 2021-02 revision 1").contains("digitally signed")
                .contains(signed().toAbsolutePath().toString());
        byte[] bytes = Files.readAllBytes(signed());
        assertThat(jdbc.queryForObject("SELECT pdf_sha256 FROM report_revision WHERE revision = 1", String.class))
                .isEqualTo(Sha256.of(bytes));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("NGUYỄN VĂN A").contains("KT. GIÁM ĐỐC").doesNotContain("DỰ THẢO");
        }

        // No --out: the sealed file goes beside the draft that demo --out wrote.
        Run seal = cli("seal", "--period", "2021-02", "--keystore", sealKeystore.toString(),
                "--seal-image", Images.seal(tmp.resolve("con-dau.png")).toString());
        assertThat(seal.exitCode()).as(seal.err()).isZero();
        assertThat(seal.out()).contains("Sealed 2021-02 revision 1: " + TestPki.ORGANISATION)
                .contains(sealed().toAbsolutePath().toString());
        byte[] sealedBytes = Files.readAllBytes(sealed());
        assertThat(Arrays.copyOf(sealedBytes, bytes.length)).as("the seal is appended: the signed bytes stay")
                .isEqualTo(bytes);
        assertThat(Files.getPosixFilePermissions(sealed())).as("read-only")
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(jdbc.queryForObject("SELECT pdf_sha256 FROM report_seal", String.class)).isEqualTo(Sha256.of(sealedBytes));

        List<Dss.Verdict> verdicts = Dss.validate(sealedBytes, pki.ca, pki.crl());
        assertThat(verdicts).extracting(Dss.Verdict::signedBy).containsExactlyInAnyOrder(TestPki.PERSON, TestPki.ORGANISATION);
        assertThat(verdicts).allSatisfy(v -> {
            assertThat(v.format()).as(v.toString()).isEqualTo(SignatureLevel.PAdES_BASELINE_B);
            assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED);
        });
        Run verified = cli("verify", sealed().toString());
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("VERIFIED: this is the signed report of 2021-02, revision 1, signed off by"
                + " NGUYỄN VĂN A (KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC)")
                .contains("Carries the organisation's signature (seal): " + TestPki.ORGANISATION)
                .contains("Signature 'ChuKySo': valid; signed by Nguyễn Văn A, " + TestPki.ORGANISATION)
                .contains("Signature 'DauCoQuan': valid; signed by " + TestPki.ORGANISATION);
        Run signedVerified = cli("verify", signed().toString());
        assertThat(signedVerified.exitCode()).as(signedVerified.err()).isZero();
        assertThat(signedVerified.out()).contains("VERIFIED: this is the signed report of 2021-02, revision 1");

        Run again = cli("seal", "--period", "2021-02", "--keystore", sealKeystore.toString(), "--out", tmp.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("2021-02 revision 1 was sealed at").contains("a revision is sealed once");
        assertThat(cli("history", "--period", "2021-02", "--json").out()).contains("\"signed\":true");

        // A recipient's machine: the database does not know the file, the signatures still hold.
        jdbc.execute("TRUNCATE report_seal, report_cited_centre, report_centre_row, report_dossier_block, report_row, report_unit_row, report_unit_name, report_unit_sum, report_revision");
        Run elsewhere = cli("verify", sealed().toString(), "--trust", signers.trustedRoot(tmp).toString());
        assertThat(elsewhere.exitCode()).as(elsewhere.err()).isEqualTo(3);
        assertThat(elsewhere.out()).contains("SIGNATURES VALID, but this database does not know this file")
                .contains("The document states: period 2021-02, revision 1.")
                .contains("signed by Nguyễn Văn A, " + TestPki.ORGANISATION)
                .contains("Signature 'ChuKySo': the certificate chain reaches a trusted root.")
                .contains("Signature 'DauCoQuan': the certificate chain reaches a trusted root.");
        Run otherRoot = cli("verify", sealed().toString(), "--trust",
                new TestPki().caFile(tmp.resolve("other-ca.cer")).toString());
        assertThat(otherRoot.exitCode()).as("a chain reaching none of the roots given is not accepted").isEqualTo(1);
        assertThat(otherRoot.err()).contains("NOT VERIFIED")
                .contains("Signature 'ChuKySo' by CN=" + TestPki.PERSON + ",O=" + TestPki.ORGANISATION
                        + ",C=VN: the certificate chain reaches NONE of the roots given");

        // Last, as it needs poppler-utils: poppler finds both signatures valid.
        String pdfsig = Pdfsig.run(sealed());
        assertThat(pdfsig.split("Signature is Valid", -1)).as(pdfsig).hasSize(3);
        assertThat(pdfsig).contains("ETSI.CAdES.detached").doesNotContain("Digest Mismatch");
        // Poppler draws the signatures' appearances: the signer's lines and the seal's, in the signature block.
        String shown = Pdfsig.text(sealed());
        assertThat(shown.replaceAll("\\s+", " ")).contains("Ký bởi: Nguyễn Văn A")
                .contains("Cơ quan: " + TestPki.ORGANISATION).contains("Thời gian ký: 20")
                .containsPattern("Hòa \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
    }

    @Test
    void verify_saysWhatIsBroken_exitOne_andWhatIsNotAPdf_exitTwo() throws Exception {
        assertThat(signOff("--keystore", keystore.toString()).exitCode()).isZero();
        byte[] bytes = Files.readAllBytes(signed());

        // A signature added by another tool (the clerk's own software) changes nothing signed: still this file.
        byte[] countersigned = PadesSigner.sign(bytes, true, signers.organisation.signingKey(), new PadesSigner.Details(
                "Signature2", TestPki.ORGANISATION, "seal", null, java.time.OffsetDateTime.now()), null);
        Run other = cli("verify", Files.write(tmp.resolve("countersigned.pdf"), countersigned).toString());
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(other.out()).contains("VERIFIED: this is the signed report of 2021-02, revision 1")
                .contains("Signature 'Signature2': valid");

        byte[] altered = bytes.clone();
        int at = indexOf(bytes, "stream", bytes.length / 3) + 40;
        altered[at] = (byte) (altered[at] ^ 0x01);
        Run tampered = cli("verify", Files.write(tmp.resolve("tampered.pdf"), altered).toString());
        assertThat(tampered.exitCode()).as(tampered.out() + tampered.err()).isEqualTo(1);
        assertThat(tampered.err()).contains("NOT VERIFIED").contains("BROKEN: the signed bytes were changed after signing");

        byte[] appended = Arrays.copyOf(bytes, bytes.length + 1);
        appended[bytes.length] = '\n';
        Run longer = cli("verify", Files.write(tmp.resolve("appended.pdf"), appended).toString());
        assertThat(longer.exitCode()).isEqualTo(1);
        assertThat(longer.err()).contains("NOT VERIFIED").contains("Something was appended after the last signature");

        Run extraPage = cli("verify", Files.write(tmp.resolve("extra-page.pdf"), incremental(bytes, true)).toString());
        assertThat(extraPage.exitCode()).isEqualTo(1);
        assertThat(extraPage.err()).contains("appended").contains("Pages were added or removed after signing");

        Run overlay = cli("verify", Files.write(tmp.resolve("overlay.pdf"), incremental(bytes, false)).toString());
        assertThat(overlay.exitCode()).isEqualTo(1);
        assertThat(overlay.err()).contains("appended").contains("page 1 got new or changed content");

        Run draft = cli("verify", tmp.resolve("2021-02/bao-cao-2021-02-r1.pdf").toString());
        assertThat(draft.exitCode()).isEqualTo(1);
        assertThat(draft.err()).contains("NOT VERIFIED").contains("an unsigned draft is never a signed report");

        Run notPdf = cli("verify", file("notes.pdf", "hello").toString());
        assertThat(notPdf.exitCode()).isEqualTo(2);
        assertThat(notPdf.err()).contains("cannot be read as a PDF").doesNotContain("startxref").doesNotContain("Exception");
        Run truncated = cli("verify", Files.write(tmp.resolve("cut.pdf"), Arrays.copyOf(bytes, bytes.length / 2)).toString());
        assertThat(truncated.exitCode()).isEqualTo(2);
        assertThat(truncated.err()).contains("damaged, cut short, or not a PDF").doesNotContain("startxref");
        Run missing = cli("verify", tmp.resolve("nowhere.pdf").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");

        // Last, as it needs poppler-utils: poppler sees the overlay too, yet still calls the signature valid (and
        // exits 0): no substitute in a script.
        assertThat(Pdfsig.run(tmp.resolve("overlay.pdf"))).contains("Not total document signed");
    }

    /** The signed file with an incremental update added by another tool: a new page, or text over page 1. */
    private static byte[] incremental(byte[] pdf, boolean newPage) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = new PdfStamper(reader, out, '\0', true);
        if (newPage) {
            stamper.insertPage(reader.getNumberOfPages() + 1, PageSize.A4);
        } else {
            PdfContentByte over = stamper.getOverContent(1);
            over.beginText();
            over.setFontAndSize(BaseFont.createFont(), 20);
            over.showTextAligned(PdfContentByte.ALIGN_LEFT, "Total: 999", 100, 400, 0);
            over.endText();
        }
        stamper.close();
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, String what, int from) {
        byte[] w = what.getBytes(StandardCharsets.US_ASCII);
        for (int i = from; i < bytes.length - w.length; i++) {
            if (Arrays.equals(bytes, i, i + w.length, w, 0, w.length)) {
                return i + w.length;
            }
        }
        throw new AssertionError(what + " not found");
    }

    @Test
    void certificateChecks_refuseAnotherPersonsName_anExpiredOrNonSigningCertificate_andWriteNothing() throws Exception {
        // Revision 1 signed with the certificate's own name; the refusals are of revision 2.
        assertThat(signOff("--keystore", keystore.toString()).exitCode()).isZero();
        assertThat(cli("rerun", "--period", "2021-02", "--reason", "thử", "--out", tmp.toString()).exitCode()).isZero();
        String[] r2 = {"sign-off", "--period", "2021-02", "--revision", "2", "--position", "PHÓ GIÁM ĐỐC", "--out",
                tmp.toString()};

        Run mismatch = cli(Signers.concat(r2, "--signer", "Trần Thị B", "--keystore", keystore.toString()));
        assertThat(mismatch.exitCode()).isEqualTo(2);
        assertThat(mismatch.err()).contains("The signer \"Trần Thị B\" is not the name in the certificate (\"Nguyễn Văn A\")")
                .contains("--accept-name-mismatch");
        Path expiredStore = TestPki.p12(tmp.resolve("het-han.p12"), "giam-doc", pki.expired());
        Run expired = cli(Signers.concat(r2, "--signer", TestPki.PERSON, "--keystore", expiredStore.toString()));
        assertThat(expired.exitCode()).isEqualTo(2);
        assertThat(expired.err()).contains("The certificate of Nguyễn Văn A expired at").contains("Nothing was written");
        Path encipher = TestPki.p12(tmp.resolve("ma-hoa.p12"), "giam-doc", pki.notForSigning());
        Run notForSigning = cli(Signers.concat(r2, "--signer", TestPki.PERSON, "--keystore", encipher.toString()));
        assertThat(notForSigning.exitCode()).isEqualTo(2);
        assertThat(notForSigning.err()).contains("is not for signing");
        Run untrusted = cli(Signers.concat(r2, "--signer", TestPki.PERSON, "--keystore", keystore.toString(), "--trust",
                new TestPki().caFile(tmp.resolve("other-ca.cer")).toString()));
        assertThat(untrusted.exitCode()).isEqualTo(2);
        assertThat(untrusted.err()).contains("does not chain to any trusted root");
        Path r2File = tmp.resolve("2021-02/bao-cao-2021-02-r2-signed.pdf");
        assertThat(r2File).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_revision WHERE signed_at IS NOT NULL", Long.class))
                .isEqualTo(1);

        // Told explicitly, another name may sign; a trusted chain passes.
        Run explicit = cli(Signers.concat(r2, "--signer", "Trần Thị B", "--keystore", keystore.toString(),
                "--accept-name-mismatch", "--trust", signers.trustedRoot(tmp).toString()));
        assertThat(explicit.exitCode()).as(explicit.err()).isZero();
        assertThat(r2File).exists();
    }

    @Test
    void signedRevision_isFrozen_signingAgainIsRefused_andACorrectionIsSignedSeparately() throws Exception {
        assertThat(signOff("--keystore", keystore.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(signed());

        Run again = signOff();
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("was signed on").contains("frozen").contains("rerun");
        Run rerun = cli("rerun", "--period", "2021-02", "--reason", "late letter found", "--out", tmp.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(Files.readAllBytes(signed())).as("the signed file is never rewritten").isEqualTo(before);
        try (PDDocument doc = Loader.loadPDF(tmp.resolve("2021-02/bao-cao-2021-02-r2.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Báo cáo này (lần 2) thay thế Báo cáo số 15/BC-TTHCC ngày 26/02/2021 (lần 1).")
                    .contains("Lý do điều chỉnh: late letter found.");
        }
        assertThat(jdbc.queryForObject("SELECT document_number || ' ' || document_date FROM report_revision"
                + " WHERE revision = 1", String.class)).isEqualTo("15 2021-02-26");

        // Signed off on paper: no keystore, the final PDF is still recorded and verifiable; it cannot be sealed.
        Run paper = cli("sign-off", "--period", "2021-02", "--revision", "2", "--signer", "Trần Thị B",
                "--position", "GIÁM ĐỐC");
        assertThat(paper.exitCode()).as(paper.err()).isZero();
        Path paperFile = tmp.resolve("2021-02/bao-cao-2021-02-r2-signed.pdf");
        assertThat(paper.out()).as("beside the draft that run --out wrote").contains(paperFile.toString())
                .contains("no digital signature");
        Run verified = cli("verify", paperFile.toString());
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("revision 2").contains("signed off on paper");
        Run sealPaper = cli("seal", "--period", "2021-02", "--keystore", sealKeystore.toString());
        assertThat(sealPaper.exitCode()).isEqualTo(2);
        assertThat(sealPaper.err()).contains("was signed off on paper");
        assertThat(cli("verify", signed().toString()).exitCode()).as("revision 1's file still verifies").isZero();
    }

    @Test
    void signOff_badKeystoreOrPasswordOrRevision_orUnfinishedDocument_exitsTwoAndRecordsNothing() throws Exception {
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", "wrong");
        Run wrong = signOff("--keystore", keystore.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("Could not open the keystore").contains("wrong password")
                .doesNotContain("Exception").doesNotContain("padded");
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", TestPki.PASSWORD);
        Run alias = cli(Signers.concat(new String[] {"sign-off", "--period", "2021-02", "--signer", TestPki.PERSON,
                "--position", "P"}, "--keystore", keystore.toString(), "--alias", "ke-toan"));
        assertThat(alias.exitCode()).isEqualTo(2);
        assertThat(alias.err()).contains("has no key \"ke-toan\"; it has: giam-doc");
        Run noFile = signOff("--keystore", tmp.resolve("none.p12").toString());
        assertThat(noFile.exitCode()).isEqualTo(2);
        Run both = signOff("--keystore", keystore.toString(), "--pkcs11", keystore.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        Run noRevision = signOff("--revision", "9");
        assertThat(noRevision.exitCode()).isEqualTo(2);
        assertThat(noRevision.err()).contains("no revision 9");
        Run notANumber = signOff("--revision", "one");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--revision: needs a revision number such as 1, not 'one'");
        Run noReport = cli("sign-off", "--period", "2021-05", "--signer", "A", "--position", "B");
        assertThat(noReport.exitCode()).isEqualTo(2);
        assertThat(noReport.err()).contains("2021-05 has no completed report to sign; see history --period 2021-05");

        // A period without its staff file (jobs/periods/2021-03.yaml): blank number, date and texts.
        assertThat(cli("run", "--period", "2021-03", "--out", tmp.toString()).exitCode()).isZero();
        String[] march = {"sign-off", "--period", "2021-03", "--signer", TestPki.PERSON, "--position", "GIÁM ĐỐC",
                "--keystore", keystore.toString(), "--out", tmp.toString()};
        Run blank = cli(march);
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("2021-03 revision 1: there is no ").contains("periods/2021-03.yaml")
                .contains("--allow-blank").contains("Nothing was written");
        assertThat(tmp.resolve("2021-03/bao-cao-2021-03-r1-signed.pdf")).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_revision WHERE signed_at IS NOT NULL", Long.class))
                .isZero();
        assertThat(signed()).doesNotExist();

        Run anyway = cli(Signers.concat(march, "--allow-blank"));
        assertThat(anyway.exitCode()).as(anyway.err()).isZero();
        assertThat(tmp.resolve("2021-03/bao-cao-2021-03-r1-signed.pdf")).exists();
    }
}
