package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.lowagie.text.pdf.PdfAnnotation;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.MotcuaReportApplication;
import vn.motcua.report.ProcessHome;

/**
 * What others may do to a signed and sealed report after the seal, and what verify says: an outsider's
 * signature drawing over the table, the director's signature hidden, bytes slipped into a signature's
 * /Contents padding or dictionary, a page's content replaced — each a change (exit 1, named) here and on a
 * recipient's machine, though every signature's own bytes still verify (pdfsig calls them valid); a
 * signature chaining to none of the trusted roots is not accepted; what a long-term renewal adds (a
 * document time-stamp, a document security store, built by the EU's DSS) is.
 */
class OutsiderChangesTest extends DatabaseTest {

    private static TestPki pki;
    private static Signers signers;
    /** An unrelated self-made authority: the outsider's. */
    private static TestPki.Issued outsider;

    @BeforeAll
    static void authorities() throws Exception {
        pki = new TestPki();
        signers = new Signers(pki);
        outsider = new TestPki().issue("Kẻ Giả Mạo", "Ngoài cơ quan", java.time.Instant.now().minusSeconds(86_400),
                java.time.Instant.now().plusSeconds(86_400 * 30L),
                org.bouncycastle.asn1.x509.KeyUsage.digitalSignature);
    }

    @BeforeEach
    void signedAndSealed() throws Exception {
        Signers.Keystores keystores = signers.keystores(tmp);
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        Run signOff = cli("sign-off", "--period", "2021-02", "--signer", TestPki.PERSON, "--position", "PHÓ GIÁM ĐỐC",
                "--keystore", keystores.person().toString(),
                "--out", tmp.toString());
        assertThat(signOff.exitCode()).as(signOff.err()).isZero();
        Run seal = cli("seal", "--period", "2021-02", "--keystore",
                keystores.organisation().toString(), "--out", tmp.toString());
        assertThat(seal.exitCode()).as(seal.err()).isZero();
    }

    @AfterEach
    void forgetPassword() {
        Signers.forgetPassword();
    }

    private Path sealed() {
        return tmp.resolve("2021-02/bao-cao-2021-02-r1-sealed.pdf");
    }

    /** Each attacked file, by name, with the sentence verify must say about it. */
    private Map<Path, String> attacks() throws Exception {
        byte[] sealed = Files.readAllBytes(sealed());
        Map<Path, String> attacks = new LinkedHashMap<>();
        attacks.put(write("1-outsider-over-table.pdf", Tampering.outsiderSignature(sealed, outsider.signingKey(),
                        "XacNhan", null)),
                "A signature 'XacNhan' by CN=Kẻ Giả Mạo,O=Ngoài cơ quan,C=VN was added after the seal and draws over page 1.");
        attacks.put(write("2-outsider-hides-director.pdf", Tampering.outsiderSignature(sealed, outsider.signingKey(),
                        "XacNhan", c -> c.hide(SignOff.FIELD))),
                "The visible signature 'ChuKySo' had its flags (/F) changed after signing");
        attacks.put(write("2b-flags-only.pdf", Tampering.update(sealed,
                        c -> c.flags(SignOff.FIELD, PdfAnnotation.FLAGS_PRINT | PdfAnnotation.FLAGS_NOVIEW))),
                "The visible signature 'ChuKySo' had its flags (/F) changed after signing");
        attacks.put(write("3-bytes-in-padding.pdf", Tampering.bytesInPadding(sealed, Seal.FIELD)),
                "Signature 'DauCoQuan': bytes were put into its /Contents after the signature value");
        attacks.put(write("3b-name-in-gap.pdf", Tampering.nameInGap(sealed, Seal.FIELD, "Mallory")),
                "Signature 'DauCoQuan': its signature dictionary holds what the signature does not cover");
        attacks.put(write("3c-name-added-later.pdf", Tampering.update(sealed, c -> c.nameSignature(SignOff.FIELD,
                        "Mallory"))),
                "Signature 'ChuKySo': its signature dictionary holds what the signature does not cover");
        attacks.put(write("4-content-replaced.pdf", Tampering.update(sealed, Tampering.Changes::replacePageContent)),
                "After signing, page 1 got new or changed content");
        return attacks;
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(tmp.resolve(name), bytes);
    }

    @Test
    void afterTheSeal_outsiderSignatures_hiddenWidgets_paddingBytes_unsignedKeys_replacedContent_areChanges()
            throws Exception {
        Map<Path, String> attacks = attacks();
        String pdfsig = Pdfsig.run(tmp.resolve("1-outsider-over-table.pdf"));
        if (pdfsig != null) {
            // What verify must not be: poppler calls all three signatures valid, the outsider's included.
            assertThat(pdfsig.split("Signature is Valid", -1)).as(pdfsig).hasSize(4);
        }
        for (Map.Entry<Path, String> attack : attacks.entrySet()) {
            Run here = cli("verify", attack.getKey().toString());
            assertThat(here.exitCode()).as(attack.getKey() + "\n" + here.out() + here.err()).isEqualTo(1);
            assertThat(here.err()).as(attack.getKey().toString()).contains("NOT VERIFIED").contains(attack.getValue())
                    .doesNotContain("Exception").doesNotContain("java.");
            Run trusted = cli("verify", attack.getKey().toString(), "--trust", signers.trustedRoot(tmp).toString());
            assertThat(trusted.exitCode()).as(attack.getKey() + "\n" + trusted.out() + trusted.err()).isEqualTo(1);
        }
        assertThat(cli("verify", tmp.resolve("1-outsider-over-table.pdf").toString(), "--trust",
                signers.trustedRoot(tmp).toString()).err())
                .as("the outsider's chain reaches none of the roots, and says so")
                .contains("Signature 'XacNhan' by CN=Kẻ Giả Mạo,O=Ngoài cơ quan,C=VN: the certificate chain reaches NONE");

        // The database forgets the files: the file alone tells the same (a recipient's machine, in this JVM).
        jdbc.execute("TRUNCATE report_seal, report_cited_centre, report_centre_row, report_dossier_block, report_row, report_unit_row, report_unit_name, report_unit_sum, report_revision");
        assertThat(cli("verify", sealed().toString()).exitCode()).as("the sealed file itself").isEqualTo(3);
        for (Map.Entry<Path, String> attack : attacks.entrySet()) {
            Run elsewhere = cli("verify", attack.getKey().toString());
            assertThat(elsewhere.exitCode()).as(attack.getKey() + "\n" + elsewhere.out() + elsewhere.err()).isEqualTo(1);
            assertThat(elsewhere.err()).contains(attack.getValue());
        }
    }

    @Test
    @Tag("process")
    void onARecipientsMachine_freshHome_eachAttackExitsOne_sayingWhat() throws Exception {
        Map<Path, String> attacks = attacks();
        Path recipient = Files.createDirectories(tmp.resolve("recipient"));
        Run genuine = recipientVerifies(recipient, sealed());
        assertThat(genuine.exitCode()).as(genuine.out()).isEqualTo(3);
        for (Map.Entry<Path, String> attack : attacks.entrySet()) {
            Run run = recipientVerifies(recipient, attack.getKey());
            assertThat(run.exitCode()).as(attack.getKey() + "\n" + run.out()).isEqualTo(1);
            assertThat(run.out()).contains("NOT VERIFIED").contains(attack.getValue()).doesNotContain("Exception")
                    .doesNotContain("java.");
        }
    }

    /** {@code MOTCUA_LANG=en java … verify FILE} in a JVM of its own, its MOTCUA_HOME fresh: out and err together. */
    private static Run recipientVerifies(Path recipient, Path file) throws Exception {
        List<String> command = ProcessHome.java();
        command.addAll(List.of(MotcuaReportApplication.class.getName(), "verify", file.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(recipient.toFile()).redirectErrorStream(true)
                .redirectOutput(recipient.resolve("out.txt").toFile());
        pb.environment().put("MOTCUA_HOME", recipient.resolve("home").toString());
        pb.environment().put("MOTCUA_LANG", "en");
        pb.environment().remove("SPRING_DATASOURCE_URL");
        pb.environment().remove("MOTCUA_JOBS");
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("verify finished").isTrue();
        return new Run(p.exitValue(), Files.readString(recipient.resolve("out.txt")), "");
    }

    @Test
    void aSealByACertificateOfAnotherAuthority_isNotAcceptedWithTrust_namingTheSigner() throws Exception {
        byte[] signed = Files.readAllBytes(tmp.resolve("2021-02/bao-cao-2021-02-r1-signed.pdf"));
        byte[] otherSeal = PadesSigner.sign(signed, true, outsider.signingKey(), new PadesSigner.Details(
                "DauKhac", "Kẻ Giả Mạo", "seal", null, java.time.OffsetDateTime.now()), null);
        Path file = write("other-seal.pdf", otherSeal);

        Run unchecked = cli("verify", file.toString());
        assertThat(unchecked.exitCode()).as("no root given: only the signatures and the changes are checked")
                .isZero();
        Run trusted = cli("verify", file.toString(), "--trust", signers.trustedRoot(tmp).toString());
        assertThat(trusted.exitCode()).as(trusted.out() + trusted.err()).isEqualTo(1);
        assertThat(trusted.err()).contains("NOT VERIFIED")
                .contains("Signature 'DauKhac' by CN=Kẻ Giả Mạo,O=Ngoài cơ quan,C=VN: the certificate chain reaches NONE"
                        + " of the roots given, so this signature is not accepted.")
                .contains("Signature 'ChuKySo': the certificate chain reaches a trusted root.");
    }

    @Test
    void aLongTermRenewal_timeStampAndSecurityStore_isAccepted_butAChangeAfterItIsNot() throws Exception {
        TestPki.Issued tsa = pki.timeStampAuthority();
        byte[] sealed = Files.readAllBytes(sealed());
        byte[] lt = Dss.extend(sealed, SignatureLevel.PAdES_BASELINE_LT, pki.ca, pki.crl(), tsa);
        byte[] lta = Dss.extend(lt, SignatureLevel.PAdES_BASELINE_LTA, pki.ca, pki.crl(), tsa);
        Path ca = signers.trustedRoot(tmp);
        for (Map.Entry<String, byte[]> renewed : Map.of("lt.pdf", lt, "lta.pdf", lta).entrySet()) {
            Path file = write(renewed.getKey(), renewed.getValue());
            Run here = cli("verify", file.toString(), "--trust", ca.toString());
            assertThat(here.exitCode()).as(file + "\n" + here.out() + here.err()).isZero();
            assertThat(here.out()).contains("VERIFIED: this is the signed report of 2021-02, revision 1")
                    .containsPattern("Document time-stamp '[^']+': valid; by Test TSA motcua-report");
        }
        assertThat(Dss.validate(lta, pki.ca, pki.crl())).extracting(Dss.Verdict::format)
                .as("DSS itself rates the renewal").containsOnly(SignatureLevel.PAdES_BASELINE_LTA);

        // A byte changed in what the last time-stamp covers (the renewal's security store): that time-stamp breaks.
        byte[] broken = lta.clone();
        int at = indexOf(broken, "stream", lt.length) + 20;
        broken[at] = (byte) (broken[at] ^ 0x01);
        Run brokenStamp = cli("verify", write("lta-broken.pdf", broken).toString());
        assertThat(brokenStamp.exitCode()).as(brokenStamp.out() + brokenStamp.err()).isEqualTo(1);
        assertThat(brokenStamp.err()).contains("BROKEN: the signed bytes were changed after signing");

        // After a renewal, a change is still a change.
        Path hidden = write("lta-hidden.pdf", Tampering.update(lta, c -> c.hide(SignOff.FIELD)));
        Run afterRenewal = cli("verify", hidden.toString());
        assertThat(afterRenewal.exitCode()).as(afterRenewal.out() + afterRenewal.err()).isEqualTo(1);
        assertThat(afterRenewal.err()).contains("The visible signature 'ChuKySo' had its flags (/F) changed");

        jdbc.execute("TRUNCATE report_seal, report_cited_centre, report_centre_row, report_dossier_block, report_row, report_unit_row, report_unit_name, report_unit_sum, report_revision");
        Run elsewhere = cli("verify", tmp.resolve("lta.pdf").toString(), "--trust", ca.toString());
        assertThat(elsewhere.exitCode()).as(elsewhere.out() + elsewhere.err()).isEqualTo(3);
        assertThat(elsewhere.out()).contains("SIGNATURES VALID, but this database does not know this file");
    }

    private static int indexOf(byte[] bytes, String what, int from) {
        byte[] w = what.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = from; i < bytes.length - w.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + w.length, w, 0, w.length)) {
                return i + w.length;
            }
        }
        throw new AssertionError(what + " not found");
    }
}
