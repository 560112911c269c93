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

        Path recipient = Files.createDirectories(tmp.resolve("recipient"));
        Path received = Files.copy(tmp.resolve("2021-02/bao-cao-2021-02-r1-signed.pdf"), recipient.resolve("bao-cao.pdf"));
        ProcessHome.Done verified = ProcessHome.in(recipient).run("verify", received.toString());
        String out = verified.out() + verified.err();
        assertThat(verified.exitCode()).as(out).isEqualTo(3);
        assertThat(out).contains("SIGNATURES VALID, but this database does not know this file")
                .contains("signed by Nguyễn Văn A, " + TestPki.ORGANISATION)
                .contains("The document states: period 2021-02, revision 1.")
                .contains("The certificate chain was not checked");
    }
}
