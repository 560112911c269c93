package vn.motcua.report.signoff;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.signoff.SignatureCheck.Signature;

/**
 * The PAdES baseline level of each signature of a file (ETSI EN 319 142-1), read from the file alone: B-B;
 * B-T with a time-stamp over the signature (its signature-time-stamp attribute, or a document time-stamp after
 * it); B-LT when the document security store holds the signer's certificate and OCSP or CRL answers; B-LTA when
 * a document time-stamp covers such a store. And until when the file stays verifiable: the end of validity of
 * the newest time-stamp's certificate, or, with no time-stamp, of the signers' certificates.
 */
public final class Levels {

    private static final Logger log = LoggerFactory.getLogger(Levels.class);
    private static final PdfName DSS = new PdfName("DSS");
    private static final PdfName CERTS = new PdfName("Certs");
    private static final PdfName OCSPS = new PdfName("OCSPs");
    private static final PdfName CRLS = new PdfName("CRLs");

    /** The baseline levels, lowest first. */
    public enum Level {
        B_B("B-B"), B_T("B-T"), B_LT("B-LT"), B_LTA("B-LTA");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        /** "B-LTA": as ETSI writes it (PAdES-BASELINE-LTA). */
        public String label() {
            return label;
        }
    }

    /**
     * One signature's level.
     *
     * @param stampedAt when a time-stamp first proved it existed; null without any
     * @param expires   when its signer's certificate ends
     */
    public record Stamped(String field, Level level, OffsetDateTime stampedAt, OffsetDateTime expires) {
    }

    /**
     * The file's level: its lowest signature's.
     *
     * @param verifiableUntil the end of validity of the newest time-stamp's certificate, or of the earliest
     *                        signer's certificate when nothing is time-stamped; null without signatures
     */
    public record FileLevel(List<Stamped> signatures, Level level, OffsetDateTime verifiableUntil) {
    }

    /** A time-stamp of the file: when, until when its authority's certificate holds, which bytes it covers. */
    private record Stamp(OffsetDateTime at, OffsetDateTime authorityUntil, int end) {
    }

    private Levels() {
    }

    /** The levels of the valid signatures of a file as {@link SignatureCheck} read them. */
    public static FileLevel of(byte[] pdf, SignatureCheck.Report report) {
        List<Stamp> documentStamps = new ArrayList<>();
        for (Signature s : report.signatures()) {
            if (s.timeStamp() && s.valid() && s.certificate() != null) {
                documentStamps.add(new Stamp(s.time(), time(s.certificate().getNotAfter()), s.end()));
            }
        }
        List<Stamp> allStamps = new ArrayList<>(documentStamps);
        List<Stamped> levels = new ArrayList<>();
        Store finalStore = Store.of(pdf, pdf.length);
        for (Signature s : report.signatures()) {
            if (s.timeStamp() || !s.valid() || s.certificate() == null) {
                continue;
            }
            SignatureTimeStamp stamp = s.ownStamp();
            Stamp own = stamp == null ? null : new Stamp(stamp.at(), stamp.authorityUntil(), s.end());
            if (own != null) {
                allStamps.add(own);
            }
            Stamp firstAfter = documentStamps.stream().filter(d -> d.end() > s.end()).findFirst().orElse(null);
            Level level = Level.B_B;
            OffsetDateTime stampedAt = null;
            if (own != null || firstAfter != null) {
                level = Level.B_T;
                stampedAt = own != null ? own.at() : firstAfter.at();
                if (finalStore.covers(s.certificate())) {
                    level = Level.B_LT;
                    boolean archived = documentStamps.stream().anyMatch(d -> d.end() > s.end()
                            && Store.of(pdf, d.end()).covers(s.certificate()));
                    if (archived) {
                        level = Level.B_LTA;
                    }
                }
            }
            levels.add(new Stamped(s.field(), level, stampedAt, time(s.certificate().getNotAfter())));
        }
        Level lowest = levels.stream().map(Stamped::level).min(Comparator.naturalOrder()).orElse(Level.B_B);
        OffsetDateTime until = allStamps.stream().max(Comparator.comparing(Stamp::at)).map(Stamp::authorityUntil)
                .orElseGet(() -> levels.stream().map(Stamped::expires).min(Comparator.naturalOrder()).orElse(null));
        return new FileLevel(List.copyOf(levels), lowest, until);
    }

    /** The levels of a file known to read (one the product has just written). */
    static FileLevel of(byte[] pdf) {
        try {
            return of(pdf, SignatureCheck.of(pdf));
        } catch (SignatureCheck.Unreadable e) {
            throw new IllegalStateException("a file just signed cannot be read", e);
        }
    }

    private static OffsetDateTime time(java.util.Date date) {
        return date.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    /** The document security store of the revision ending at {@code end}: its certificates, whether it has answers. */
    private record Store(Set<String> certificates, boolean answers) {

        static Store of(byte[] pdf, int end) {
            Set<String> certificates = new HashSet<>();
            boolean answers = false;
            try {
                PdfReader reader = new PdfReader(end == pdf.length ? pdf : Arrays.copyOf(pdf, end));
                try {
                    PdfDictionary dss = reader.getCatalog().getAsDict(DSS);
                    if (dss != null) {
                        PdfArray certs = dss.getAsArray(CERTS);
                        if (certs != null) {
                            for (int i = 0; i < certs.size(); i++) {
                                PdfObject o = PdfReader.getPdfObject(certs.getPdfObject(i));
                                if (o instanceof PRStream stream) {
                                    certificates.add(vn.motcua.report.system.Sha256.of(PdfReader.getStreamBytes(stream)));
                                }
                            }
                        }
                        answers = nonEmpty(dss.getAsArray(OCSPS)) || nonEmpty(dss.getAsArray(CRLS));
                    }
                } finally {
                    reader.close();
                }
            } catch (IOException | RuntimeException e) {
                log.info("document security store of the revision ending at {} unreadable", end, e);
            }
            return new Store(certificates, answers);
        }

        boolean covers(X509Certificate certificate) {
            try {
                return answers && certificates.contains(vn.motcua.report.system.Sha256.of(certificate.getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                return false;
            }
        }

        private static boolean nonEmpty(PdfArray array) {
            return array != null && array.size() > 0;
        }
    }
}
