package vn.motcua.report.signoff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A certification authority as a centre's CA runs one, offline on 127.0.0.1: a root; certificates that name
 * its OCSP responder and CRL (authority information access, CRL distribution points); an OCSP responder with
 * its own certificate (id-pkix-ocsp-nocheck); a time-stamping authority (RFC 3161). All served by a
 * {@link HttpServer} on a free port, started first so that the certificates carry its addresses. A test can
 * revoke a certificate, make the revocation services fail, or the authority answer nonsense.
 */
final class OnlinePki implements TestAuthority, AutoCloseable {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis() * 10);

    final HttpServer server;
    final String base;
    final KeyPair caKeys;
    final X509Certificate ca;
    private final KeyPair responderKeys;
    private final X509Certificate responder;
    final TestPki.Issued tsa;
    private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    /** Revocation services answer 503 (as a service that is down behind its proxy). */
    volatile boolean revocationDown;
    /** The time-stamping authority answers bytes that are no time-stamp response. */
    volatile boolean tsaGarbage;
    /** The time-stamping authority signs its tokens with another key than its certificate's. */
    volatile boolean tsaWrongKey;

    OnlinePki() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Instant now = Instant.now();
        caKeys = rsa();
        X500Name caName = name("Test Root CA trực tuyến", "Ban Cơ yếu thử nghiệm");
        JcaX509v3CertificateBuilder root = new JcaX509v3CertificateBuilder(caName, serial(),
                Date.from(now.minus(30, ChronoUnit.DAYS)), Date.from(now.plus(20 * 365, ChronoUnit.DAYS)), caName,
                caKeys.getPublic());
        root.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        root.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        root.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(caKeys.getPublic()));
        ca = sign(root);

        responderKeys = rsa();
        JcaX509v3CertificateBuilder ocsp = builder("Test OCSP trực tuyến", "Ban Cơ yếu thử nghiệm", now,
                now.plus(10 * 365, ChronoUnit.DAYS), responderKeys);
        ocsp.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        ocsp.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
        ocsp.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        responder = sign(ocsp);

        tsa = issue("Test TSA trực tuyến", "Ban Cơ yếu thử nghiệm", now.minus(1, ChronoUnit.DAYS),
                now.plus(10 * 365, ChronoUnit.DAYS), KeyUsage.digitalSignature, true);

        server.createContext("/crl", this::crl);
        server.createContext("/ocsp", this::ocsp);
        server.createContext("/tsa", this::timeStamp);
        server.start();
    }

    String tsaUrl() {
        return base + "/tsa";
    }

    String ocspUrl() {
        return base + "/ocsp";
    }

    /** An address where nothing listens (a port just freed). */
    static String nobodyListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/tsa";
        }
    }

    /** A person's signing certificate, valid a year: expired long before the archive's years are over. */
    @Override
    public TestPki.Issued person() throws Exception {
        return issue(TestPki.PERSON, TestPki.ORGANISATION, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS), KeyUsage.digitalSignature | KeyUsage.nonRepudiation, false);
    }

    @Override
    public TestPki.Issued organisation() throws Exception {
        return issue(TestPki.ORGANISATION, TestPki.ORGANISATION, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS), KeyUsage.digitalSignature | KeyUsage.nonRepudiation, false);
    }

    void revoke(X509Certificate certificate) {
        revoked.add(certificate.getSerialNumber());
    }

    @Override
    public java.nio.file.Path caFile(java.nio.file.Path file) throws Exception {
        return java.nio.file.Files.write(file, ca.getEncoded());
    }

    private TestPki.Issued issue(String commonName, String organisation, Instant from, Instant to, int usage,
                                 boolean timeStamping) throws Exception {
        KeyPair keys = rsa();
        JcaX509v3CertificateBuilder builder = builder(commonName, organisation, from, to, keys);
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        if (timeStamping) {
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                new AccessDescription(AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, base + "/ocsp"))));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, base + "/crl"))), null, null)}));
        return new TestPki.Issued(keys, sign(builder), ca);
    }

    private JcaX509v3CertificateBuilder builder(String commonName, String organisation, Instant from, Instant to,
                                                KeyPair keys) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(from),
                Date.from(to), name(commonName, organisation), keys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        return builder;
    }

    private void crl(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (revocationDown) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                    Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(1, ChronoUnit.DAYS)));
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(now.minus(1, ChronoUnit.HOURS)), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
            send(exchange, "application/pkix-crl", builder.build(signer(caKeys)).getEncoded());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private void ocsp(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (revocationDown) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            OCSPReq request = new OCSPReq(read(exchange));
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(
                    X500Name.getInstance(responder.getSubjectX500Principal().getEncoded())));
            Date now = new Date();
            for (Req one : request.getRequestList()) {
                CertificateStatus status = revoked.contains(one.getCertID().getSerialNumber())
                        ? new RevokedStatus(new Date(now.getTime() - 3_600_000L), CRLReason.keyCompromise)
                        : CertificateStatus.GOOD;
                builder.addResponse(one.getCertID(), status, now, new Date(now.getTime() + 86_400_000L), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(nonce));
            }
            X509CertificateHolder[] chain = {new JcaX509CertificateHolder(responder)};
            OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(signer(responderKeys), chain, now));
            send(exchange, "application/ocsp-response", response.getEncoded());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private void timeStamp(HttpExchange exchange) throws IOException {
        try (exchange) {
            TimeStampRequest request = new TimeStampRequest(read(exchange));
            if (tsaGarbage) {
                send(exchange, "application/timestamp-reply", "<html>Service temporarily unavailable</html>".getBytes());
                return;
            }
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens(), TSPAlgorithms.ALLOWED);
            send(exchange, "application/timestamp-reply",
                    responses.generate(request, serial(), new Date()).getEncoded());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** The authority's token over a SHA-256 digest, as it answers a request for it (the encoded CMS). */
    byte[] timeStampToken(byte[] sha256) throws Exception {
        return tokens().generate(new org.bouncycastle.tsp.TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256,
                sha256), serial(), new Date()).getEncoded();
    }

    private TimeStampTokenGenerator tokens() throws Exception {
        DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withRSA", (tsaWrongKey ? caKeys : tsa.keys()).getPrivate(), tsa.certificate()), sha256,
                new ASN1ObjectIdentifier("1.2.3.4.1"));
        generator.addCertificates(new JcaCertStore(List.of(tsa.certificate(), ca)));
        return generator;
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static ContentSigner signer(KeyPair keys) throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    }

    private X509Certificate sign(JcaX509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(caKeys)));
    }

    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
