package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import vn.motcua.report.DatabaseTest;

/**
 * sign-off with the key on a USB token, as officials hold theirs: a SoftHSM2 token (PKCS#11) made with
 * softhsm2-util and filled with keytool, as an administrator would; the seal with the organisation's
 * PKCS#12 key; both signatures checked by DSS and pdfsig.
 */
// The wrong PIN is tried first: once the provider has logged in to the token, this JVM stays logged in.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Pkcs11SignOffTest extends DatabaseTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "1234";

    private static TestPki pki;
    private static TestPki.Issued organisation;
    private static Path config;
    private static Path workFolder;

    @BeforeAll
    static void token() throws Exception {
        boolean present = Files.isReadable(LIBRARY) && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"));
        if (!present) {
            System.out.println("PKCS#11 tests skipped: SoftHSM2 is absent (apt-get install -y softhsm2)");
        }
        assumeTrue(present, "SoftHSM2 is absent (apt-get install -y softhsm2)");
        String conf = System.getenv("SOFTHSM2_CONF");
        assumeTrue(conf != null, "SOFTHSM2_CONF is not set (the build's surefire configuration sets it)");
        Path softhsmConf = Path.of(conf);
        workFolder = softhsmConf.getParent();
        Path tokens = workFolder.resolve("tokens");
        deleteTree(workFolder);
        Files.createDirectories(tokens);
        Files.writeString(softhsmConf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        run("softhsm2-util", "--init-token", "--free", "--label", "t", "--pin", PIN, "--so-pin", "5678");
        config = Files.writeString(workFolder.resolve("token.cfg"),
                "name = SoftHSM\nlibrary = " + LIBRARY + "\nslotListIndex = 0\n");

        pki = new TestPki();
        organisation = pki.organisation();
        // Two keys on the token, as a shared token may hold: the director's and a deputy's.
        importIntoToken(TestPki.p12(workFolder.resolve("giam-doc.p12"), "giam-doc", pki.person()), "giam-doc");
        importIntoToken(TestPki.p12(workFolder.resolve("pho.p12"), "pho-giam-doc",
                pki.issue("Lê Văn C", TestPki.ORGANISATION, java.time.Instant.now().minusSeconds(3600),
                        java.time.Instant.now().plusSeconds(86_400 * 30), org.bouncycastle.asn1.x509.KeyUsage.digitalSignature)),
                "pho-giam-doc");
    }

    private static void importIntoToken(Path p12, String alias) throws Exception {
        run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-importkeystore",
                "-srckeystore", p12.toString(), "-srcstoretype", "PKCS12", "-srcstorepass", TestPki.PASSWORD,
                "-srcalias", alias, "-destkeystore", "NONE", "-deststoretype", "PKCS11", "-deststorepass", PIN,
                "-addprovider", "SunPKCS11", "-providerArg", config.toString(), "-noprompt");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    private static void deleteTree(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (var walk = Files.walk(folder)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @AfterEach
    void forgetPassword() {
        System.clearProperty("MOTCUA_KEYSTORE_PASSWORD");
    }

    @Test
    @Order(1)
    void signOffWithTheToken_sealWithAP12_bothPadesBaselineB_validForDssAndPdfsig() throws Exception {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        List<String> args = new ArrayList<>(List.of("sign-off", "--period", "2021-02", "--signer", TestPki.PERSON,
                "--position", "GIÁM ĐỐC", "--pkcs11", config.toString(), "--out", tmp.toString()));

        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", "9999");
        Run wrongPin = cli(args.toArray(String[]::new));
        assertThat(wrongPin.exitCode()).isEqualTo(2);
        assertThat(wrongPin.err()).contains("refused the PIN").doesNotContain("Exception").doesNotContain("CKR_");

        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", PIN);
        Run several = cli(args.toArray(String[]::new));
        assertThat(several.exitCode()).isEqualTo(2);
        assertThat(several.err()).contains("holds several keys (giam-doc, pho-giam-doc): say which with --alias");
        Run otherKey = cli(concat(args, "--alias", "pho-giam-doc"));
        assertThat(otherKey.exitCode()).as("Lê Văn C's key does not sign for Nguyễn Văn A").isEqualTo(2);
        assertThat(otherKey.err()).contains("is not the name in the certificate (\"Lê Văn C\")");

        Run signed = cli(concat(args, "--alias", "giam-doc"));
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        Path sealKeystore = TestPki.p12(tmp.resolve("van-thu.p12"), "co-quan", organisation);
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", TestPki.PASSWORD);
        Run sealed = cli("seal", "--period", "2021-02", "--keystore", sealKeystore.toString(), "--out", tmp.toString());
        assertThat(sealed.exitCode()).as(sealed.err()).isZero();

        Path file = tmp.resolve("2021-02/bao-cao-2021-02-r1-sealed.pdf");
        List<Dss.Verdict> verdicts = Dss.validate(Files.readAllBytes(file), pki.ca, pki.crl());
        assertThat(verdicts).extracting(Dss.Verdict::signedBy).containsExactlyInAnyOrder(TestPki.PERSON, TestPki.ORGANISATION);
        assertThat(verdicts).allSatisfy(v -> {
            assertThat(v.format()).as(v.toString()).isEqualTo(SignatureLevel.PAdES_BASELINE_B);
            assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED);
        });
        Run verified = cli("verify", file.toString());
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("signed by Nguyễn Văn A").contains("signed by " + TestPki.ORGANISATION);
        // Last, as it needs poppler-utils: poppler finds both signatures valid.
        String pdfsig = Pdfsig.run(file);
        assertThat(pdfsig.split("Signature is Valid", -1)).as(pdfsig).hasSize(3);
    }

    @Test
    @Order(2)
    void signOffWithTheToken_andATsa_isLongTerm_passingDssInThreeYears() throws Exception {
        try (OnlinePki online = new OnlinePki()) {
            // For this test only: the others see the token's two keys.
            importIntoToken(TestPki.p12(workFolder.resolve("giam-doc-lt.p12"), "giam-doc-lt", online.person()),
                    "giam-doc-lt");
            try {
                assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
                System.setProperty("MOTCUA_KEYSTORE_PASSWORD", PIN);
                Run signed = cli("sign-off", "--period", "2021-02", "--signer", TestPki.PERSON, "--position", "GIÁM ĐỐC",
                        "--pkcs11", config.toString(), "--alias", "giam-doc-lt", "--tsa", online.tsaUrl(),
                        "--out", tmp.toString());
                assertThat(signed.exitCode()).as(signed.out() + signed.err()).isZero();
                assertThat(signed.out()).contains("PAdES B-LT");
                byte[] file = Files.readAllBytes(tmp.resolve("2021-02/bao-cao-2021-02-r1-signed.pdf"));
                java.util.Date inThreeYears = java.util.Date.from(java.time.Instant.now().plusSeconds(3 * 366 * 86_400L));
                assertThat(Dss.validateFileAlone(file, online.ca, inThreeYears)).singleElement().satisfies(v -> {
                    assertThat(v.format()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
                    assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED);
                });
            } finally {
                run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-delete", "-alias",
                        "giam-doc-lt", "-keystore", "NONE", "-storetype", "PKCS11", "-storepass", PIN,
                        "-addprovider", "SunPKCS11", "-providerArg", config.toString());
            }
        }
    }

    private static String[] concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
