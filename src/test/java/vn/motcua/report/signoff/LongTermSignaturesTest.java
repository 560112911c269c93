package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
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
        jdbc.execute("TRUNCATE report_seal, report_renewal, report_dossier_block, report_row, report_unit_row,"
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
