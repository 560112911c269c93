package vn.motcua.report.signoff;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.system.Refusal;

/**
 * What a certificate must be before anything is signed with it: valid now, made for signing (key usage
 * digitalSignature or nonRepudiation, when the certificate restricts its usage), issued to the person
 * named (unless told otherwise), and, when trust anchors are given, chained to one of them (PKIX, no
 * revocation check: the machine may be offline).
 */
public final class CertificateChecks {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private CertificateChecks() {
    }

    /** Refuses the key unless its certificate may sign now, for {@code signerName} (null: any name). */
    static void check(SigningKey key, String signerName, Instant now, List<X509Certificate> anchors) {
        X509Certificate certificate = key.certificate();
        String subject = subject(certificate);
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new Refusal("signoff.certificate.expired", subject, time(certificate.getNotAfter()));
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new Refusal("signoff.certificate.not-yet-valid", subject, time(certificate.getNotBefore()));
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[DIGITAL_SIGNATURE] || (usage.length > NON_REPUDIATION && usage[NON_REPUDIATION]))) {
            throw new Refusal("signoff.certificate.not-for-signing", subject);
        }
        if (signerName != null) {
            String inCertificate = commonName(certificate).orElse("");
            if (!sameName(signerName, inCertificate)) {
                throw new Refusal("signoff.certificate.other-person", signerName, inCertificate);
            }
        }
        if (!anchors.isEmpty() && !chainsTo(key.chain(), anchors, now)) {
            throw new Refusal("signoff.certificate.untrusted", subject, anchors.size());
        }
    }

    /** Names compared whatever their case, Unicode form (NFC/NFD) and spacing; diacritics count. */
    public static boolean sameName(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    private static String canonical(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Whether the chain (signer's certificate first) reaches one of the anchors at that instant. */
    public static boolean chainsTo(X509Certificate[] chain, List<X509Certificate> anchors, Instant at) {
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            for (X509Certificate anchor : anchors) {
                trust.add(new TrustAnchor(anchor, null));
            }
            List<X509Certificate> path = new ArrayList<>();
            for (X509Certificate c : chain) {
                if (!anchors.contains(c)) {
                    path.add(c);
                }
            }
            if (path.isEmpty()) {
                return true;
            }
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(trust);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The subject's CN, e.g. "Nguyễn Văn A". */
    public static Optional<String> commonName(X509Certificate certificate) {
        return attribute(certificate, "CN");
    }

    /** The subject's O, e.g. "Trung tâm Hành chính công". */
    public static Optional<String> organisation(X509Certificate certificate) {
        return attribute(certificate, "O");
    }

    private static Optional<String> attribute(X509Certificate certificate, String type) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    static String subject(X509Certificate certificate) {
        return commonName(certificate).orElse(certificate.getSubjectX500Principal().getName());
    }

    private static String time(Date date) {
        return date.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime().toString();
    }
}
