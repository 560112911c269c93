package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.ProcessHome;

/**
 * A signed report on a recipient's machine: {@code verify} in another JVM with a fresh MOTCUA_HOME, whose
 * database never saw the file. An integration test (run by {@code mvn verify}): it starts a JVM.
 */
class VerifyElsewhereProcessIT extends DatabaseTest {

    @AfterEach
    void forgetPassword() {
        System.clearProperty("MOTCUA_KEYSTORE_PASSWORD");
    }

    @Test
    void verify_onARecipientsMachine_freshHome_exitsThree_namingTheSigner() throws Exception {
        Path keystore = TestPki.p12(tmp.resolve("giam-doc.p12"), "giam-doc", new TestPki().person());
        // What the operator's environment would hold; never a command-line argument.
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", TestPki.PASSWORD);
        Run demo = cli("demo", "--out", tmp.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        Run signedOff = cli("sign-off", "--period", "2021-02", "--signer", TestPki.PERSON, "--position", "PHÓ GIÁM ĐỐC",
                "--on-behalf", "KT. GIÁM ĐỐC", "--out", tmp.toString(), "--keystore", keystore.toString());
        assertThat(signedOff.exitCode()).as(signedOff.err()).isZero();

        Elsewhere elsewhere = verifyElsewhere(tmp.resolve("2021-02/bao-cao-2021-02-r1-signed.pdf"));
        String out = elsewhere.out();
        assertThat(elsewhere.exitCode()).as(out).isEqualTo(3);
        assertThat(out).contains("SIGNATURES VALID, but this database does not know this file")
                .contains("signed by Nguyễn Văn A, " + TestPki.ORGANISATION)
                .contains("The document states: period 2021-02, revision 1.")
                .contains("The certificate chain was not checked");
    }

    @Test
    void aRenewedLongTermFile_onARecipientsMachine_exitsThree() throws Exception {
        try (OnlinePki pki = new OnlinePki()) {
            System.setProperty("MOTCUA_KEYSTORE_PASSWORD", TestPki.PASSWORD);
            assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
            Run signedOff = cli("sign-off", "--period", "2021-02", "--signer", TestPki.PERSON, "--position", "GIÁM ĐỐC",
                    "--out", tmp.toString(), "--tsa", pki.tsaUrl(), "--keystore",
                    TestPki.p12(tmp.resolve("giam-doc.p12"), "giam-doc", pki.person()).toString());
            assertThat(signedOff.exitCode()).as(signedOff.err()).isZero();
            Run sealed = cli("seal", "--period", "2021-02", "--tsa", pki.tsaUrl(), "--keystore",
                    TestPki.p12(tmp.resolve("van-thu.p12"), "co-quan", pki.organisation()).toString());
            assertThat(sealed.exitCode()).as(sealed.err()).isZero();
            Run renewed = cli("renew", "--period", "2021-02", "--tsa", pki.tsaUrl());
            assertThat(renewed.exitCode()).as(renewed.err()).isZero();
        }
        Elsewhere elsewhere = verifyElsewhere(tmp.resolve("2021-02/bao-cao-2021-02-r1-sealed.pdf"));
        assertThat(elsewhere.exitCode()).as(elsewhere.out()).isEqualTo(3);
        assertThat(elsewhere.out()).contains("SIGNATURES VALID, but this database does not know this file")
                .contains("Signature 'ChuKySo': PAdES B-LTA, time-stamped at")
                .contains("Signature 'DauCoQuan': PAdES B-LTA, time-stamped at");
    }

    private record Elsewhere(int exitCode, String out) {
    }

    /** verify in another JVM, with a MOTCUA_HOME of its own whose database never saw the file. */
    private Elsewhere verifyElsewhere(Path file) throws Exception {
        Path recipient = Files.createDirectories(tmp.resolve("recipient"));
        Path received = Files.copy(file, recipient.resolve("bao-cao.pdf"));
        ProcessHome.Done verified = ProcessHome.in(recipient).run("verify", received.toString());
        return new Elsewhere(verified.exitCode(), verified.out() + verified.err());
    }
}
