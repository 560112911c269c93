package vn.motcua.report.signoff;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test certification authority and the certificates the tests sign with, made with BouncyCastle:
 * a person (CN "Nguyễn Văn A"), the organisation, a time-stamp authority, and ones that must be refused
 * (expired, not for signing).
 */
final class TestPki implements TestAuthority {

    static final String PASSWORD = "mat-khau-123";
    static final String PERSON = "Nguyễn Văn A";
    static final String ORGANISATION = "Trung tâm Hành chính công huyện An Hòa";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    final KeyPair caKeys;
    final X509Certificate ca;

    TestPki() throws Exception {
        caKeys = rsa();
        Instant now = Instant.now();
        X500Name name = name("Test CA motcua-report", "Ban Cơ yếu thử nghiệm");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(30, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), name,
                caKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(caKeys.getPublic()));
        ca = sign(builder);
    }

    /** A key and its certificate issued by the CA. */
    record Issued(KeyPair keys, X509Certificate certificate, X509Certificate ca) {
        Certificate[] chain() {
            return new Certificate[] {certificate, ca};
        }

        SigningKey signingKey() {
            return new SigningKey(keys.getPrivate(), new X509Certificate[] {certificate, ca}, null);
        }
    }

    @Override
    public Issued person() throws Exception {
        return issue(PERSON, ORGANISATION, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(365, ChronoUnit.DAYS),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    @Override
    public Issued organisation() throws Exception {
        return issue(ORGANISATION, ORGANISATION, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS), KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    Issued expired() throws Exception {
        return issue(PERSON, ORGANISATION, Instant.now().minus(400, ChronoUnit.DAYS),
                Instant.now().minus(35, ChronoUnit.DAYS), KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    Issued notForSigning() throws Exception {
        return issue(PERSON, ORGANISATION, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(365, ChronoUnit.DAYS),
                KeyUsage.keyEncipherment);
    }

    /** A time-stamp authority's certificate: extended key usage timeStamping, critical (RFC 3161). */
    Issued timeStampAuthority() throws Exception {
        return issue("Test TSA motcua-report", "Ban Cơ yếu thử nghiệm", Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS), KeyUsage.digitalSignature, true);
    }

    Issued issue(String commonName, String organisation, Instant from, Instant to, int usage) throws Exception {
        return issue(commonName, organisation, from, to, usage, false);
    }

    private Issued issue(String commonName, String organisation, Instant from, Instant to, int usage,
                         boolean timeStamping) throws Exception {
        KeyPair keys = rsa();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(from), Date.from(to),
                name(commonName, organisation), keys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        if (timeStamping) {
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        return new Issued(keys, sign(builder), ca);
    }

    /** The CA's revocation list: nothing revoked, issued a minute ago, next update tomorrow. */
    X509CRL crl() throws Exception {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                Date.from(now.minus(1, ChronoUnit.MINUTES)));
        builder.setNextUpdate(Date.from(now.plus(1, ChronoUnit.DAYS)));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
        return new JcaX509CRLConverter().getCRL(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    }

    /** Writes the key and chain as a PKCS#12 file protected by {@link #PASSWORD}. */
    static Path p12(Path file, String alias, Issued issued) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, issued.keys().getPrivate(), PASSWORD.toCharArray(), issued.chain());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    @Override
    public Path caFile(Path file) throws IOException, GeneralSecurityException {
        return Files.write(file, ca.getEncoded());
    }

    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName).build();
    }

    private X509Certificate sign(JcaX509v3CertificateBuilder builder)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
