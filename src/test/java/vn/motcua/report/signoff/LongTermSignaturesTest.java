package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.system.Messages;
import vn.motcua.report.system.Sha256;

/**
 * Signatures that outlive their certificates: with a time-stamping authority, sign-off writes
 * PAdES-BASELINE-LT and seal -LTA, which the EU's DSS accepts with only the file, today and three years on
 * (when the signers' certificates have expired), while a B-B file of the same report is then INDETERMINATE;
 * renew adds a time-stamp in place and verify still accepts the file, not a change after it; a time-stamping
 * authority or revocation service that fails, a revoked certificate, one without revocation addresses: refused,
 * nothing written. The CA, its OCSP responder, CRL and time-stamping authority answer on 127.0.0.1.
 */
class LongTermSignaturesTest extends DatabaseTest {

    private static OnlinePki pki;
    private static Signers signers;

    private Path keystore;
    private Path sealKeystore;

    @BeforeAll
    static void authority() throws Exception {
        pki = new OnlinePki();
        signers = new Signers(pki);
    }

    @AfterAll
    static void stopAuthority() {
        pki.close();
    }

    @BeforeEach
    void keystoresAndReport() throws Exception {
        pki.revocationDown = false;
        pki.tsaGarbage = false;
        pki.tsaWrongKey = false;
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

    private Run signOff(Path key, String... extra) {
        return cli(Signers.signOff(tmp, Signers.concat(new String[] {"--keystore", key.toString()}, extra)));
    }

    private Path signed(int revision) {
        return Signers.signed(tmp, revision);
    }

    private Path sealed() {
        return Signers.sealed(tmp);
    }

    private static Date inThreeYears() {
        return Date.from(Instant.now().plus(3 * 366, ChronoUnit.DAYS));
    }

    private static void assertDss(byte[] pdf, SignatureLevel level, Indication today, Indication inThreeYears,
                                  int signatures) throws Exception {
        List<Dss.Verdict> now = Dss.validateFileAlone(pdf, pki.ca, new Date());
        assertThat(now).hasSize(signatures).allSatisfy(v -> {
            assertThat(v.format()).as("today: " + v).isEqualTo(level);
            assertThat(v.indication()).as("today: " + v).isEqualTo(today);
        });
        List<Dss.Verdict> later = Dss.validateFileAlone(pdf, pki.ca, inThreeYears());
        assertThat(later).hasSize(signatures).allSatisfy(
                v -> assertThat(v.indication()).as("in three years: " + v).isEqualTo(inThreeYears));
    }

    @Test
    void withATsa_signOffIsLt_sealIsLta_bothPassInThreeYears_renewKeepsThemSo_andABbFileDoesNot() throws Exception {
        Run signedOff = signOff(keystore, "--tsa", pki.tsaUrl());
        assertThat(signedOff.exitCode()).as(signedOff.out() + signedOff.err()).isZero();
        assertThat(signedOff.out()).contains("PAdES B-LT: time-stamped").contains("verifiable until");
        byte[] lt = Files.readAllBytes(signed(1));
        assertDss(lt, SignatureLevel.PAdES_BASELINE_LT, Indication.TOTAL_PASSED, Indication.TOTAL_PASSED, 1);
        assertThat(jdbc.queryForObject("SELECT signature_level FROM report_revision WHERE revision = 1", String.class))
                .isEqualTo("B-LT");
        assertThat(jdbc.queryForObject("SELECT pdf_sha256 FROM report_revision WHERE revision = 1", String.class))
                .as("the SHA-256 of the file as extended").isEqualTo(Sha256.of(lt));

        Run seal = cli("seal", "--period", "2021-02", "--keystore", sealKeystore.toString(), "--tsa", pki.tsaUrl(),
                "--seal-image", Images.seal(tmp.resolve("con-dau.png")).toString());
        assertThat(seal.exitCode()).as(seal.out() + seal.err()).isZero();
        assertThat(seal.out()).contains("PAdES B-LTA");
        byte[] lta = Files.readAllBytes(sealed());
        assertThat(Arrays.copyOf(lta, lt.length)).as("the seal is appended to the LT file").isEqualTo(lt);
        assertDss(lta, SignatureLevel.PAdES_BASELINE_LTA, Indication.TOTAL_PASSED, Indication.TOTAL_PASSED, 2);

        Run verified = cli("verify", sealed().toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("VERIFIED: this is the signed report of 2021-02, revision 1")
                .contains("Signature 'ChuKySo': PAdES B-LTA, time-stamped at")
                .contains("Signature 'DauCoQuan': PAdES B-LTA, time-stamped at");
        Run history = cli("history", "--period", "2021-02");
        assertThat(history.out()).containsPattern(
                "2021-02 revision 1: signed file PAdES B-LTA, verifiable until \\d{4}-\\d\\d-\\d\\d");
        assertThat(cli("history", "--period", "2021-02", "--json").out()).contains("\"signatureLevel\":\"B-LTA\"");

        Run renewDown = cli("renew", "--period", "2021-02", "--tsa", OnlinePki.nobodyListens());
        assertThat(renewDown.exitCode()).as(renewDown.out() + renewDown.err()).isEqualTo(2);
        assertThat(renewDown.err()).contains("does not answer").contains("Nothing was written");
        assertThat(Files.readAllBytes(sealed())).as("untouched").isEqualTo(lta);
        assertThat(count("report_renewal")).isZero();

        Run renewed = cli("renew", "--period", "2021-02", "--tsa", pki.tsaUrl());
        assertThat(renewed.exitCode()).as(renewed.out() + renewed.err()).isZero();
        assertThat(renewed.out()).contains("Renewed 2021-02 revision 1").contains(sealed().toAbsolutePath().toString());
        byte[] renewedBytes = Files.readAllBytes(sealed());
        assertThat(renewedBytes.length).isGreaterThan(lta.length);
        assertThat(Arrays.copyOf(renewedBytes, lta.length)).as("an incremental update").isEqualTo(lta);
        assertThat(jdbc.queryForObject("SELECT pdf_sha256 FROM report_renewal", String.class))
                .isEqualTo(Sha256.of(renewedBytes));
        assertThat(Files.getPosixFilePermissions(sealed())).as("read-only again")
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertDss(renewedBytes, SignatureLevel.PAdES_BASELINE_LTA, Indication.TOTAL_PASSED, Indication.TOTAL_PASSED, 2);
        Run renewedVerified = cli("verify", sealed().toString());
        assertThat(renewedVerified.exitCode()).as(renewedVerified.out() + renewedVerified.err()).isZero();
        assertThat(renewedVerified.out()).contains("VERIFIED").contains("Carries the organisation's signature (seal)");

        byte[] changed = renewedBytes.clone();
        int at = changed.length / 3;
        changed[at] = (byte) (changed[at] ^ 0x01);
        Run oneByte = cli("verify", Files.write(tmp.resolve("one-byte.pdf"), changed).toString());
        assertThat(oneByte.exitCode()).as(oneByte.out() + oneByte.err()).isEqualTo(1);
        Run page = cli("verify", Files.write(tmp.resolve("page.pdf"), withPageAdded(renewedBytes)).toString());
        assertThat(page.exitCode()).as(page.out() + page.err()).isEqualTo(1);
        assertThat(page.err()).contains("Pages were added or removed after signing");

        // The B-B file of the same report, for contrast: fine today with its CRL at hand, INDETERMINATE in three years.
        assertThat(cli("rerun", "--period", "2021-02", "--reason", "so sánh", "--out", tmp.toString()).exitCode()).isZero();
        Run plain = signOff(keystore, "--revision", "2");
        assertThat(plain.exitCode()).as(plain.out() + plain.err()).isZero();
        assertThat(plain.out()).contains("PAdES B-B without a time-stamp: the signature cannot be checked after"
                + " the certificate expires");
        byte[] bb = Files.readAllBytes(signed(2));
        List<Dss.Verdict> bbLater = Dss.validateFileAlone(bb, pki.ca, inThreeYears());
        assertThat(bbLater).singleElement().satisfies(v -> {
            assertThat(v.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_B);
            assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.INDETERMINATE);
        });
        Run notLta = cli("renew", "--period", "2021-02", "--tsa", pki.tsaUrl());
        assertThat(notLta.exitCode()).isEqualTo(2);
        assertThat(notLta.err()).contains("is B-B, not PAdES B-LTA");
        assertThat(Sha256.of(Files.readAllBytes(signed(2))))
                .isEqualTo(jdbc.queryForObject("SELECT pdf_sha256 FROM report_revision WHERE revision = 2", String.class));

        // A recipient's machine: the database knows nothing, the renewed file's signatures still hold.
        jdbc.execute("TRUNCATE report_seal, report_cited_centre, report_centre_row, report_renewal, report_dossier_block, report_row, report_unit_row,"
                + " report_unit_name, report_unit_sum, report_revision");
        Run elsewhere = cli("verify", sealed().toString(), "--trust", signers.trustedRoot(tmp).toString());
        assertThat(elsewhere.exitCode()).as(elsewhere.out() + elsewhere.err()).isEqualTo(3);
        assertThat(elsewhere.out()).contains("SIGNATURES VALID, but this database does not know this file");

        // Last, as it needs poppler-utils: poppler finds the signatures valid, in the LT file and the renewed one.
        assertThat(Pdfsig.run(signed(1))).contains("Signature is Valid").doesNotContain("Digest Mismatch");
        String pdfsig = Pdfsig.run(sealed());
        assertThat(pdfsig).doesNotContain("Digest Mismatch").doesNotContain("Signature is Invalid");
        assertThat(pdfsig.split("Signature is Valid", -1).length - 1).as(pdfsig).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTsaOrRevocationServiceThatFails_aRevokedCertificate_orOneWithoutAddresses_isRefused_nothingWritten()
            throws Exception {
        Run down = signOff(keystore, "--tsa", OnlinePki.nobodyListens());
        assertThat(down.exitCode()).as(down.out() + down.err()).isEqualTo(2);
        assertThat(down.err()).contains("The time-stamping authority http://127.0.0.1:").contains("does not answer")
                .contains("Nothing was written").doesNotContain("Exception");
        assertNothingSigned();

        pki.tsaGarbage = true;
        Run garbage = signOff(keystore, "--tsa", pki.tsaUrl());
        assertThat(garbage.exitCode()).as(garbage.out() + garbage.err()).isEqualTo(2);
        assertThat(garbage.err()).contains(pki.tsaUrl() + " did not answer with a valid time-stamp");
        assertNothingSigned();
        pki.tsaGarbage = false;

        // A token that answers the request but whose authority's signature does not hold.
        pki.tsaWrongKey = true;
        Run unverifiable = signOff(keystore, "--tsa", pki.tsaUrl());
        assertThat(unverifiable.exitCode()).as(unverifiable.out() + unverifiable.err()).isEqualTo(2);
        assertThat(unverifiable.err()).contains(pki.tsaUrl() + " did not answer with a valid time-stamp");
        assertNothingSigned();
        pki.tsaWrongKey = false;

        pki.revocationDown = true;
        Run revocation = signOff(keystore, "--tsa", pki.tsaUrl());
        assertThat(revocation.exitCode()).as(revocation.out() + revocation.err()).isEqualTo(2);
        assertThat(revocation.err()).contains("The revocation service http://127.0.0.1:").contains("does not answer");
        assertNothingSigned();
        pki.revocationDown = false;

        TestPki.Issued revokedPerson = pki.person();
        pki.revoke(revokedPerson.certificate());
        Run revoked = signOff(TestPki.p12(tmp.resolve("thu-hoi.p12"), "giam-doc", revokedPerson), "--tsa", pki.tsaUrl());
        assertThat(revoked.exitCode()).as(revoked.out() + revoked.err()).isEqualTo(2);
        assertThat(revoked.err()).contains("The certificate of " + TestPki.PERSON + " was revoked at")
                .contains(pki.ocspUrl());
        assertNothingSigned();

        Path noAddresses = TestPki.p12(tmp.resolve("khong-dia-chi.p12"), "giam-doc", new TestPki().person());
        Run bare = signOff(noAddresses, "--tsa", pki.tsaUrl());
        assertThat(bare.exitCode()).as(bare.out() + bare.err()).isEqualTo(2);
        assertThat(bare.err()).contains("The certificate of " + TestPki.PERSON + " names no OCSP or CRL address");
        assertNothingSigned();

        Run badAddress = signOff(keystore, "--tsa", "tsa.example.vn");
        assertThat(badAddress.exitCode()).isEqualTo(2);
        assertThat(badAddress.err()).contains("'tsa.example.vn' is not a time-stamping authority's address");

        // The same key with the services answering: signed, so the refusals above were the services'.
        assertThat(signOff(keystore, "--tsa", pki.tsaUrl()).exitCode()).isZero();
        Run sealDown = cli("seal", "--period", "2021-02", "--keystore", sealKeystore.toString(), "--tsa",
                OnlinePki.nobodyListens(), "--out", tmp.toString());
        assertThat(sealDown.exitCode()).isEqualTo(2);
        assertThat(sealed()).doesNotExist();
        assertThat(count("report_seal")).isZero();
    }

    @Test
    void signedSealedAndRenewed_theFileIsStillPdfA3b_carriesTheSameTables_andDssRatesItLtaTodayAndInThreeYears()
            throws Exception {
        Run signedOff = signOff(keystore, "--tsa", pki.tsaUrl());
        assertThat(signedOff.exitCode()).as(signedOff.out() + signedOff.err()).isZero();
        Run seal = cli("seal", "--period", "2021-02", "--keystore", sealKeystore.toString(), "--tsa", pki.tsaUrl(),
                "--seal-image", Images.seal(tmp.resolve("con-dau.png")).toString());
        assertThat(seal.exitCode()).as(seal.out() + seal.err()).isZero();
        byte[] lta = Files.readAllBytes(sealed());
        Run renewed = cli("renew", "--period", "2021-02", "--tsa", pki.tsaUrl());
        assertThat(renewed.exitCode()).as(renewed.out() + renewed.err()).isZero();
        byte[] renewedBytes = Files.readAllBytes(sealed());
        assertThat(renewedBytes.length).as("renew appended to the sealed file").isGreaterThan(lta.length);

        assertThat(VeraPdf.failures(Files.readAllBytes(signed(1)))).as("signed off, B-LT").isEmpty();
        assertThat(VeraPdf.failures(lta)).as("sealed, B-LTA").isEmpty();
        assertThat(VeraPdf.failures(renewedBytes)).as("renewed").isEmpty();

        Path folder = tmp.resolve("2021-02");
        List<String> tables = List.of("bao-cao-2021-02-r1.csv", "bao-cao-2021-02-r1-don-vi.csv");
        Map<String, byte[]> carried = associatedFiles(renewedBytes);
        assertThat(carried.keySet()).containsExactlyElementsOf(tables);
        for (String table : tables) {
            assertThat(carried.get(table)).as(table).isEqualTo(Files.readAllBytes(folder.resolve(table)));
        }
        assertDss(renewedBytes, SignatureLevel.PAdES_BASELINE_LTA, Indication.TOTAL_PASSED, Indication.TOTAL_PASSED, 2);

        // Last, as it needs poppler-utils: another reader extracts the same tables from the renewed file.
        Path extracted = Files.createDirectories(tmp.resolve("extracted"));
        assertThat(Pdfsig.poppler("pdfdetach", "-list", sealed().toString())).contains("2 embedded files")
                .contains(tables);
        Pdfsig.poppler("pdfdetach", "-saveall", "-o", extracted.toString(), sealed().toString());
        for (String table : tables) {
            assertThat(Files.readAllBytes(extracted.resolve(table))).as("pdfdetach: " + table)
                    .isEqualTo(Files.readAllBytes(folder.resolve(table)));
        }
    }

    /** The files the catalogue's /AF associates with the document, by name, as PDFBox reads them. */
    private static Map<String, byte[]> associatedFiles(byte[] pdf) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSArray associated = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
            assertThat(associated).as("the catalogue's /AF").isNotNull();
            for (int i = 0; i < associated.size(); i++) {
                COSDictionary file = (COSDictionary) associated.getObject(i);
                COSStream content = (COSStream) file.getCOSDictionary(COSName.EF).getDictionaryObject(COSName.F);
                try (InputStream in = content.createInputStream()) {
                    files.put(file.getString(COSName.UF), in.readAllBytes());
                }
            }
        }
        return files;
    }

    @Test
    void aSignatureTimeStampAlteredOrReplaced_isABrokenSignature_exitOne_whileOneRemovedLeavesAPlainBbSignature()
            throws Exception {
        Run signedOff = signOff(keystore, "--tsa", pki.tsaUrl());
        assertThat(signedOff.exitCode()).as(signedOff.out() + signedOff.err()).isZero();
        byte[] lt = Files.readAllBytes(signed(1));
        String broken = "Signature 'ChuKySo' by " + TestPki.PERSON + ": BROKEN: the time-stamp it carries does not verify";

        // One bit of the authority's signature on the token flipped: the token still reads, the director's holds.
        Path altered = Files.write(tmp.resolve("time-stamp-altered.pdf"),
                Tampering.flipInSignatureTimeStamp(lt, SignOff.FIELD));
        Run alteredVerified = cli("verify", altered.toString());
        assertThat(alteredVerified.exitCode()).as(alteredVerified.out() + alteredVerified.err()).isEqualTo(1);
        assertThat(alteredVerified.err()).contains("NOT VERIFIED").contains(broken).doesNotContain("PAdES B-")
                .doesNotContain("Exception");

        // A genuine token of the same authority, over other bytes than this signature.
        byte[] otherToken = pki.timeStampToken(MessageDigest.getInstance("SHA-256")
                .digest("another document".getBytes(StandardCharsets.UTF_8)));
        Path replaced = Files.write(tmp.resolve("time-stamp-replaced.pdf"),
                Tampering.signatureTimeStamp(lt, SignOff.FIELD, otherToken));
        Run replacedVerified = cli("verify", replaced.toString());
        assertThat(replacedVerified.exitCode()).as(replacedVerified.out() + replacedVerified.err()).isEqualTo(1);
        assertThat(replacedVerified.err()).contains("NOT VERIFIED").contains(broken);
        Run vietnamese = cliIn(Messages.VIETNAMESE, "verify", replaced.toString());
        assertThat(vietnamese.exitCode()).isEqualTo(1);
        assertThat(vietnamese.err()).contains("KHÔNG HỢP LỆ.").contains("Chữ ký 'ChuKySo' của " + TestPki.PERSON
                + ": HỎNG: dấu thời gian gắn với chữ ký không xác minh được");

        // No time-stamp at all claims no time: a plain B-B signature, valid (though not the file recorded here).
        Path removed = Files.write(tmp.resolve("time-stamp-removed.pdf"),
                Tampering.signatureTimeStamp(lt, SignOff.FIELD, null));
        Run removedVerified = cli("verify", removed.toString());
        assertThat(removedVerified.exitCode()).as(removedVerified.out() + removedVerified.err()).isEqualTo(3);
        assertThat(removedVerified.out()).contains("Signature 'ChuKySo': valid").contains("Signature 'ChuKySo': PAdES B-B");
        Run untouched = cli("verify", signed(1).toString());
        assertThat(untouched.exitCode()).as(untouched.out() + untouched.err()).isZero();
        assertThat(untouched.out()).contains("Signature 'ChuKySo': PAdES B-LT, time-stamped at");

        // Last, as it needs poppler-utils: poppler does not check a signature's time-stamp and calls both
        // signatures valid: no substitute here.
        assertThat(Pdfsig.run(altered)).contains("Signature is Valid");
        assertThat(Pdfsig.run(replaced)).contains("Signature is Valid");
    }

    private void assertNothingSigned() {
        assertThat(signed(1)).doesNotExist();
        assertThat(signed(1).resolveSibling(signed(1).getFileName() + ".tmp")).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_revision WHERE signed_at IS NOT NULL", Long.class))
                .isZero();
    }

    /** The file with a page added by another tool as an incremental update. */
    private static byte[] withPageAdded(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = new PdfStamper(reader, out, '\0', true);
        stamper.insertPage(reader.getNumberOfPages() + 1, PageSize.A4);
        stamper.close();
        return out.toByteArray();
    }
}
