package vn.motcua.report.signoff;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.tsp.KeyEntityTSPSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * The EU's validator (DSS) as a recipient would run it, offline: the test CA as the only trust anchor and
 * its CRL as the revocation data; and DSS's long-term extension, as a later renewal would run it.
 */
final class Dss {

    /** DSS's verdict on one signature. */
    record Verdict(String signedBy, SignatureLevel format, Indication indication, SubIndication subIndication) {
    }

    private Dss() {
    }

    static List<Verdict> validate(byte[] pdf, X509Certificate ca, X509CRL crl) throws Exception {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "report.pdf"));
        validator.setCertificateVerifier(offline(ca, crl));
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        List<Verdict> verdicts = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            verdicts.add(new Verdict(simple.getSignedBy(id), simple.getSignatureFormat(id), simple.getIndication(id),
                    simple.getSubIndication(id)));
        }
        return verdicts;
    }

    /**
     * DSS's verdicts at {@code at} (now, or years ahead) with only what the file holds: the root as the only trust
     * anchor, and no revocation data but the file's own, nothing fetched.
     */
    static List<Verdict> validateFileAlone(byte[] pdf, X509Certificate root, java.util.Date at) throws Exception {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "report.pdf"));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        validator.setCertificateVerifier(verifier);
        validator.setValidationTime(at);
        SimpleReport simple = validator.validateDocument().getSimpleReport();
        List<Verdict> verdicts = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            verdicts.add(new Verdict(simple.getSignedBy(id), simple.getSignatureFormat(id), simple.getIndication(id),
                    simple.getSubIndication(id)));
        }
        return verdicts;
    }

    /**
     * What a long-term renewal adds, as DSS adds it (PDFBox, incremental updates): to {@code level} LT, a
     * document time-stamp then a document security store (certificates, the CRL); to LTA, another store and
     * time-stamp. The time-stamps come from {@code tsa}, a time-stamp authority of the same CA.
     */
    static byte[] extend(byte[] pdf, SignatureLevel level, X509Certificate ca, X509CRL crl, TestPki.Issued tsa)
            throws Exception {
        PAdESService service = new PAdESService(offline(ca, crl));
        KeyEntityTSPSource timeStamps = new KeyEntityTSPSource(tsa.keys().getPrivate(), tsa.certificate(),
                List.of(tsa.certificate(), ca));
        timeStamps.setTsaPolicy("1.2.3.4.1");   // a test policy: the token needs one
        service.setTspSource(timeStamps);
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        DSSDocument extended = service.extendDocument(new InMemoryDocument(pdf, "report.pdf"), parameters);
        try (java.io.InputStream in = extended.openStream()) {
            return in.readAllBytes();
        }
    }

    /** The test CA as the only trust anchor, its CRL the only revocation data, nothing fetched. */
    private static CommonCertificateVerifier offline(X509Certificate ca, X509CRL crl) throws Exception {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(ca));
        verifier.setTrustedCertSources(trusted);
        ExternalResourcesCRLSource offline = new ExternalResourcesCRLSource(
                new InMemoryDocument(crl.getEncoded(), "ca.crl"));
        verifier.setCrlSource(new CRLSource() {
            @Override
            public CRLToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
                List<RevocationToken<CRL>> tokens = offline.getRevocationTokens(certificate, issuer);
                return tokens.isEmpty() ? null : (CRLToken) tokens.get(0);
            }
        });
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        // The CRL was issued a minute before the time-stamps: not "after the best signature time".
        verifier.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
        return verifier;
    }
}
