package vn.motcua.report.signoff;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * The EU's validator (DSS) as a recipient would run it, offline: the test CA as the only trust anchor and
 * its CRL as the revocation data.
 */
final class Dss {

    /** DSS's verdict on one signature. */
    record Verdict(String signedBy, SignatureLevel format, Indication indication, SubIndication subIndication) {
    }

    private Dss() {
    }

    static List<Verdict> validate(byte[] pdf, X509Certificate ca, X509CRL crl) throws Exception {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "report.pdf"));
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
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        List<Verdict> verdicts = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            verdicts.add(new Verdict(simple.getSignedBy(id), simple.getSignatureFormat(id), simple.getIndication(id),
                    simple.getSubIndication(id)));
        }
        return verdicts;
    }
}
