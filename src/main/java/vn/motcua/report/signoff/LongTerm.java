package vn.motcua.report.signoff;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.CertificateExtensionsUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPSource;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.system.Refusal;

/**
 * What makes a signature outlive its certificate, fetched from the services the certificates name and
 * added by the EU's DSS: the signature time-stamp from the time-stamping authority (RFC 3161), then, in the
 * document security store, the certificates and OCSP/CRL answers of the signer's and the authority's chains
 * (PAdES-BASELINE-LT), and a document time-stamp over all (-LTA). Nothing is ever silently left out: a
 * service that does not answer, answers nonsense or says "revoked", or a certificate that names no service,
 * is a {@link Refusal} naming it, before anything is written.
 */
final class LongTerm {

    private static final Logger log = LoggerFactory.getLogger(LongTerm.class);
    /** How long a service may take to connect and to answer, in milliseconds. */
    private static final int TIMEOUT = 20_000;

    private final String tsa;
    /** Addresses that did not answer during this extension, in the order tried. */
    private final List<String> silent = new ArrayList<>();

    /** @param tsa the time-stamping authority's address (http or https) */
    LongTerm(String tsa) {
        this.tsa = tsa;
    }

    /**
     * The time-stamp token over a signature value (the CMS {@code signature-time-stamp} attribute, ETSI
     * EN 319 122-1), checked as verify will check it, its authority's chain checked for revocation addresses.
     */
    byte[] signatureTimeStamp(byte[] signatureValue) {
        byte[] token = timeStamp(sha256(signatureValue));
        try {
            SignatureTimeStamp.over(signatureValue, token);
        } catch (SignatureTimeStamp.Broken e) {
            // Written as it is, the file's verify would call its own signature broken.
            throw new Refusal(e, "signoff.tsa.garbage", tsa);
        }
        requireRevocationAddresses(authorityChain(token));
        return token;
    }

    /** Refuses a chain (the signer's first) any of whose certificates below its root names no OCSP or CRL address. */
    static void requireRevocationAddresses(X509Certificate[] chain) {
        for (X509Certificate certificate : chain) {
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            CertificateToken token = new CertificateToken(certificate);
            if (CertificateExtensionsUtils.getOCSPAccessUrls(token).isEmpty()
                    && CertificateExtensionsUtils.getCRLAccessUrls(token).isEmpty()) {
                throw new Refusal("signoff.long-term.no-revocation-address", CertificateChecks.subject(certificate));
            }
        }
    }

    /** The PDF with its signatures extended to {@code level} (LT or LTA) as an incremental update. */
    byte[] extend(byte[] pdf, SignatureLevel level, List<X509Certificate> roots) {
        PAdESService service = new PAdESService(verifier(roots));
        service.setTspSource(tspSource());
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        try {
            DSSDocument extended = service.extendDocument(new InMemoryDocument(pdf, "report.pdf"), parameters);
            try (InputStream in = extended.openStream()) {
                return in.readAllBytes();
            }
        } catch (Refusal e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof Refusal refusal) {
                    throw refusal;
                }
            }
            log.info("long-term extension to {} failed; addresses that did not answer: {}", level, silent, e);
            if (!silent.isEmpty()) {
                throw new Refusal(e, "signoff.long-term.revocation-unreachable", silent.get(0));
            }
            throw new Refusal(e, "signoff.long-term.incomplete");
        }
    }

    private byte[] timeStamp(byte[] digest) {
        try {
            return tspSource().getTimeStampResponse(DigestAlgorithm.SHA256, digest).getBytes();
        } catch (Refusal e) {
            throw e;
        } catch (RuntimeException e) {
            log.info("time-stamping authority {} gave no usable answer", tsa, e);
            throw new Refusal(e, "signoff.tsa.garbage", tsa);
        }
    }

    private OnlineTSPSource tspSource() {
        TimestampDataLoader loader = new TimestampDataLoader() {
            @Override
            public byte[] post(String url, byte[] content) {
                try {
                    return super.post(url, content);
                } catch (RuntimeException e) {
                    log.info("time-stamping authority {} does not answer", url, e);
                    throw new Refusal(e, "signoff.tsa.unreachable", url);
                }
            }
        };
        timeouts(loader);
        return new OnlineTSPSource(tsa, loader);
    }

    private CommonCertificateVerifier verifier(List<X509Certificate> roots) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (X509Certificate root : roots) {
            trusted.addCertificate(new CertificateToken(root));
        }
        verifier.setTrustedCertSources(trusted);
        // The data is gathered for whoever checks the file later, whatever roots this machine trusts.
        verifier.setCheckRevocationForUntrustedChains(true);
        OCSPDataLoader ocspLoader = new OCSPDataLoader() {
            @Override
            public byte[] post(String url, byte[] content) {
                return answered(url, () -> super.post(url, content));
            }
        };
        timeouts(ocspLoader);
        CommonsDataLoader crlLoader = new CommonsDataLoader() {
            @Override
            public byte[] get(String url) {
                return answered(url, () -> super.get(url));
            }
        };
        timeouts(crlLoader);
        OnlineOCSPSource ocsp = new OnlineOCSPSource(ocspLoader);
        OnlineCRLSource crl = new OnlineCRLSource(crlLoader);
        verifier.setOcspSource((OCSPSource) (certificate, issuer) -> notRevoked(ocsp.getRevocationToken(certificate, issuer)));
        verifier.setCrlSource((CRLSource) (certificate, issuer) -> notRevoked(crl.getRevocationToken(certificate, issuer)));
        verifier.setAIASource(null);
        return verifier;
    }

    private byte[] answered(String url, java.util.function.Supplier<byte[]> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            silent.add(url);
            throw e;
        }
    }

    private static <T extends RevocationToken<?>> T notRevoked(T token) {
        if (token != null && token.getStatus() == CertificateStatus.REVOKED) {
            CertificateToken certificate = token.getRelatedCertificate();
            throw new Refusal("signoff.long-term.revoked", certificate == null ? "-"
                    : CertificateChecks.subject(certificate.getCertificate()), token.getRevocationDate(),
                    token.getSourceURL() == null ? "-" : token.getSourceURL());
        }
        return token;
    }

    private static void timeouts(CommonsDataLoader loader) {
        loader.setTimeoutConnection(TIMEOUT);
        loader.setTimeoutConnectionRequest(TIMEOUT);
        loader.setTimeoutResponse(TIMEOUT);
        loader.setTimeoutSocket(TIMEOUT);
    }

    /** The certificates a time-stamp token carries, its authority's first. */
    static X509Certificate[] authorityChain(byte[] token) {
        try {
            TimeStampToken t = new TimeStampToken(new CMSSignedData(token));
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> chain = new ArrayList<>();
            @SuppressWarnings("unchecked")
            java.util.Collection<X509CertificateHolder> own = t.getCertificates().getMatches(t.getSID());
            for (X509CertificateHolder h : own) {
                chain.add(converter.getCertificate(h));
            }
            @SuppressWarnings("unchecked")
            java.util.Collection<X509CertificateHolder> all = t.getCertificates().getMatches(null);
            for (X509CertificateHolder h : all) {
                X509Certificate c = converter.getCertificate(h);
                if (!chain.contains(c)) {
                    chain.add(c);
                }
            }
            return chain.toArray(X509Certificate[]::new);
        } catch (Exception e) {
            throw new IllegalStateException("time-stamp token unreadable", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
