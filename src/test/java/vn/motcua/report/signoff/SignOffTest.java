package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.system.Sha256;

/** sign-off (final PDF, digital signature, record, freeze) and verify (good, tampered, draft, unknown). */
class SignOffTest extends DatabaseTest {

    private static final String PASSWORD = "mat-khau-123";

    private Path keystore;

    @BeforeEach
    void keystoreAndReport() throws Exception {
        keystore = tmp.resolve("giam-doc.p12");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Nguyen Van A, O=Trung tam Hanh chinh cong, C=VN");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("giam-doc", pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, PASSWORD.toCharArray());
        }
        // What the operator's environment would hold; never a command-line argument.
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", PASSWORD);
        Run demo = cli("demo", "--out", tmp.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    @AfterEach
    void forgetPassword() {
        System.clearProperty("MOTCUA_KEYSTORE_PASSWORD");
    }

    private Run signOff(String... extra) {
        String[] base = {"sign-off", "--period", "2021-02", "--signer", "Nguyễn Văn A", "--position", "PHÓ GIÁM ĐỐC",
                "--on-behalf", "KT. GIÁM ĐỐC", "--out", tmp.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli(args);
    }

    @Test
    void signOff_writesTheFinalSignedPdf_recordsIt_andVerifyKnowsIt() throws Exception {
        Run signed = signOff("--keystore", keystore.toString());
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        Path pdf = tmp.resolve("2021-02/bao-cao-2021-02-r1-signed.pdf");
        assertThat(signed.out()).contains("Signed off 2021-02 revision 1").contains("digitally signed")
                .contains(pdf.toAbsolutePath().toString());

        byte[] bytes = Files.readAllBytes(pdf);
        String sha = Sha256.of(bytes);
        assertThat(jdbc.queryForObject("SELECT pdf_sha256 FROM report_revision WHERE revision = 1", String.class))
                .isEqualTo(sha);
        assertThat(jdbc.queryForObject("SELECT signer || ' / ' || on_behalf || ' / ' || position FROM report_revision",
                String.class)).isEqualTo("Nguyễn Văn A / KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Nguyễn Văn A").contains("KT. GIÁM ĐỐC").doesNotContain("DỰ THẢO");
        }
        assertThat(SignatureCheck.of(bytes)).singleElement().satisfies(s -> {
            assertThat(s.valid()).isTrue();
            assertThat(s.digest()).isEqualTo("SHA256");
            assertThat(s.certificate()).contains("CN=Nguyen Van A");
        });
        if (Files.isExecutable(Path.of("/usr/bin/pdfsig"))) {
            Process p = new ProcessBuilder("/usr/bin/pdfsig", pdf.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            assertThat(out).as("poppler's check").contains("Signature is Valid").contains("SHA-256")
                    .contains("adbe.pkcs7.detached");
        }

        Run verified = cli("verify", pdf.toString());
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("VERIFIED: this is the signed report of 2021-02, revision 1, signed off by"
                + " Nguyễn Văn A (KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC)").contains("Digital signature").contains("valid");

        Run history = cli("history", "--period", "2021-02", "--json");
        assertThat(history.out()).contains("\"signed\":true");
    }

    @Test
    void verify_refusesATamperedFile_theDraft_andAnythingElse() throws Exception {
        assertThat(signOff("--keystore", keystore.toString()).exitCode()).isZero();
        Path pdf = tmp.resolve("2021-02/bao-cao-2021-02-r1-signed.pdf");
        byte[] bytes = Files.readAllBytes(pdf);

        byte[] altered = bytes.clone();
        int at = bytes.length / 3;
        altered[at] = (byte) (altered[at] ^ 0x01);
        Run tampered = cli("verify", Files.write(tmp.resolve("tampered.pdf"), altered).toString());
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.err()).contains("NOT VERIFIED").contains("matches no signed revision");

        byte[] appended = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        appended[bytes.length] = '\n';
        Run longer = cli("verify", Files.write(tmp.resolve("appended.pdf"), appended).toString());
        assertThat(longer.exitCode()).isEqualTo(1);
        assertThat(longer.err()).contains("NOT VERIFIED");

        Run draft = cli("verify", tmp.resolve("2021-02/bao-cao-2021-02-r1.pdf").toString());
        assertThat(draft.exitCode()).isEqualTo(1);
        assertThat(draft.err()).contains("NOT VERIFIED").contains("no digital signature")
                .contains("an unsigned draft is never a signed report");

        Run notPdf = cli("verify", file("notes.pdf", "hello").toString());
        assertThat(notPdf.exitCode()).isEqualTo(1);
        assertThat(notPdf.err()).contains("cannot be read as a PDF");

        Run missing = cli("verify", tmp.resolve("nowhere.pdf").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void signedRevision_isFrozen_signingAgainIsRefused_andACorrectionIsSignedSeparately() throws Exception {
        assertThat(signOff("--keystore", keystore.toString()).exitCode()).isZero();
        Path pdf = tmp.resolve("2021-02/bao-cao-2021-02-r1-signed.pdf");
        byte[] before = Files.readAllBytes(pdf);

        Run again = signOff();
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("was signed on").contains("frozen").contains("rerun");
        Run rerun = cli("rerun", "--period", "2021-02", "--reason", "late letter found", "--out", tmp.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(Files.readAllBytes(pdf)).as("the signed file is never rewritten").isEqualTo(before);
        // The correction's document cites the signed report it replaces (number and date as signed) and why.
        try (PDDocument doc = Loader.loadPDF(tmp.resolve("2021-02/bao-cao-2021-02-r2.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Báo cáo này (lần 2) thay thế Báo cáo số 15/BC-TTHCC ngày 26/02/2021 (lần 1).")
                    .contains("Lý do điều chỉnh: late letter found.");
        }
        assertThat(jdbc.queryForObject("SELECT document_number || ' ' || document_date FROM report_revision"
                + " WHERE revision = 1", String.class)).isEqualTo("15 2021-02-26");

        // Signed off on paper: no keystore, the final PDF is still recorded and verifiable.
        Run paper = signOff("--revision", "2");
        assertThat(paper.exitCode()).as(paper.err()).isZero();
        assertThat(paper.out()).contains("no digital signature");
        Run verified = cli("verify", tmp.resolve("2021-02/bao-cao-2021-02-r2-signed.pdf").toString());
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("revision 2").contains("signed on paper");
        assertThat(cli("verify", pdf.toString()).exitCode()).as("revision 1's file still verifies").isZero();
    }

    @Test
    void signOff_badKeystoreOrPasswordOrRevision_exitsTwoAndRecordsNothing() throws Exception {
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", "wrong");
        Run wrong = signOff("--keystore", keystore.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("could not open keystore");
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", PASSWORD);
        Run alias = signOff("--keystore", keystore.toString(), "--alias", "ke-toan");
        assertThat(alias.exitCode()).isEqualTo(2);
        assertThat(alias.err()).contains("has no key 'ke-toan'").contains("giam-doc");
        Run noFile = signOff("--keystore", tmp.resolve("none.p12").toString());
        assertThat(noFile.exitCode()).isEqualTo(2);
        Run noRevision = signOff("--revision", "9");
        assertThat(noRevision.exitCode()).isEqualTo(2);
        assertThat(noRevision.err()).contains("no revision 9");
        Run notANumber = signOff("--revision", "one");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--revision: needs a revision number such as 1, not 'one'");
        Run noReport = cli("sign-off", "--period", "2021-05", "--signer", "A", "--position", "B");
        assertThat(noReport.exitCode()).isEqualTo(2);
        assertThat(noReport.err()).contains("2021-05 has no completed report to sign; see history --period 2021-05");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_revision WHERE signed_at IS NOT NULL", Long.class))
                .isZero();
        assertThat(tmp.resolve("2021-02/bao-cao-2021-02-r1-signed.pdf")).doesNotExist();
    }
}
