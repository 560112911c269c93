package vn.motcua.report.cli;

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
import java.util.Arrays;
import java.util.Date;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.system.Messages;

/**
 * Bad inputs of every kind reach the command line's boundary, and what the user reads is the product's own
 * sentence: no exception name, no Java or library package, no parser's or database's text.
 */
class InternalsNeverShownTest extends DatabaseTest {

    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|Error:|java\\.|javax\\.|org\\.|com\\.|picocli|snakeyaml|\\tat |Caused by|SQL|startxref|BadPadding");

    private static void clean(Run run) {
        for (String line : (run.out() + run.err()).split("\n")) {
            assertThat(INTERNALS.matcher(line).find()).as("an internal shown: " + line).isFalse();
        }
    }

    @AfterEach
    void forgetPassword() {
        System.clearProperty("MOTCUA_KEYSTORE_PASSWORD");
    }

    @Test
    void badFiles_badKeystores_andDatabaseErrors_areWordedByTheProduct() throws Exception {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        Path pdf = tmp.resolve("2021-02/bao-cao-2021-02-r1.pdf");
        byte[] whole = Files.readAllBytes(pdf);

        // verify of a truncated file, and of a file that is not a PDF
        Path truncated = Files.write(tmp.resolve("cut.pdf"), Arrays.copyOf(whole, whole.length / 2));
        for (java.util.Locale language : new java.util.Locale[] {Messages.VIETNAMESE, java.util.Locale.ENGLISH}) {
            Run cut = cliIn(language, "verify", truncated.toString());
            assertThat(cut.exitCode()).isNotZero();
            clean(cut);
        }
        Run text = cli("verify", file("note.pdf", "chỉ là một ghi chú").toString());
        assertThat(text.exitCode()).isNotZero();
        clean(text);

        // a keystore that is not one, and a real one with the wrong password
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", "x");
        Run notAKeystore = cliIn(Messages.VIETNAMESE, "sign-off", "--period", "2021-02", "--signer", "A", "--position", "B",
                "--keystore", file("k.p12", "không phải kho khóa").toString(), "--out", tmp.toString());
        assertThat(notAKeystore.exitCode()).isEqualTo(2);
        assertThat(notAKeystore.err()).contains("sai mật khẩu");
        clean(notAKeystore);
        Path keystore = keystore("mat-khau-dung");
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", "mat-khau-sai");
        Run wrongPassword = cli("sign-off", "--period", "2021-02", "--signer", "A", "--position", "B",
                "--keystore", keystore.toString(), "--out", tmp.toString());
        assertThat(wrongPassword.exitCode()).isEqualTo(2);
        assertThat(wrongPassword.err()).containsIgnoringCase("password");
        clean(wrongPassword);

        // imports of a binary file and of a file without the headings
        Run binary = cliIn(Messages.VIETNAMESE, "import", "dossiers", Files.write(tmp.resolve("x.csv"), new byte[] {0, 1, 2, 3, 0, 5}).toString());
        assertThat(binary.exitCode()).isEqualTo(2);
        clean(binary);
        Run headings = cli("import", "dossiers", file("h.csv", "a,b\n1,2\n").toString());
        assertThat(headings.exitCode()).isEqualTo(2);
        clean(headings);

        // a database error in the middle of a job (a constraint, as a broken restart would meet)
        jdbc.execute("""
                CREATE FUNCTION test_injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'duplicate key value violates unique constraint "report_row_pkey"';
                END $$""");
        jdbc.execute("CREATE TRIGGER test_injected_failure BEFORE INSERT ON report_row"
                + " FOR EACH ROW EXECUTE FUNCTION test_injected_failure()");
        try {
            Run failed = cliIn(Messages.VIETNAMESE, "run", "--period", "2021-03", "--cutoff-day", "25", "--out", tmp.toString());
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.err()).containsIgnoringCase("chi tiết trong nhật ký");
            clean(failed);
            Run restart = cli("restart", "--period", "2021-03");
            assertThat(restart.exitCode()).isEqualTo(1);
            clean(restart);
        } finally {
            jdbc.execute("DROP TRIGGER test_injected_failure ON report_row");
            jdbc.execute("DROP FUNCTION test_injected_failure()");
        }
        // refusals of the period's state
        clean(cli("restart", "--period", "2021-04"));
        clean(cli("explain", "--period", "2021-02", "--field", "khong-co", "--column", "late"));
        clean(cli("sign-off", "--period", "2021-05", "--signer", "A", "--position", "B"));
    }

    private Path keystore(String password) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Nguyen Van A, C=VN");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("giam-doc", pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
        Path file = tmp.resolve("giam-doc.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
