package vn.motcua.report.signoff;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.lowagie.text.pdf.PdfReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.motcua.report.period.PeriodName;
import vn.motcua.report.document.ReportDocument;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.CentreTable;
import vn.motcua.report.revision.CsvTables;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.revision.SignedRevisions.Sealed;
import vn.motcua.report.revision.SignedRevisions.Signed;
import vn.motcua.report.revision.UnitRows;
import vn.motcua.report.signoff.SignatureCheck.Finding;
import vn.motcua.report.signoff.SignatureCheck.Signature;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.Sha256;

/**
 * Checks a PDF for anyone who received it. Every signature must hold (and, when trust anchors are given,
 * chain to one of them), the signatures must cover the file's revisions in order with nothing but the seal
 * (and what a long-term renewal adds) after the first, and the last must cover the whole file, a document
 * security store excepted. Then: a signed (or sealed) file of this database is {@link Outcome#VERIFIED} when the tables it
 * carries (its embedded CSV files) are those the revision's rows here make, else {@link Outcome#BROKEN}; a genuine file this
 * database does not know (a recipient's machine) is {@link Outcome#GENUINE}, with who signed it, when,
 * and what it says it is; anything broken is {@link Outcome#BROKEN}, saying what.
 */
@Service
public class Verification {

    private static final Logger log = LoggerFactory.getLogger(Verification.class);

    /** The three verdicts, as exit codes 0, 3 and 1. */
    public enum Outcome { VERIFIED, GENUINE, BROKEN }

    /** One sentence of the verdict: a key of messages.properties and its arguments. */
    public record Line(String key, Object... arguments) {
    }

    /** The verdict and the sentences that explain it, the first one saying it all. */
    public record Verdict(Outcome outcome, List<Line> lines) {
        public boolean verified() {
            return outcome == Outcome.VERIFIED;
        }
    }

    private final SignedRevisions signed;
    private final RevisionRepository revisions;
    private final UnitRows units;

    private final CentreRows centreRows;

    public Verification(SignedRevisions signed, RevisionRepository revisions, UnitRows units, CentreRows centreRows) {
        this.centreRows = centreRows;
        this.signed = signed;
        this.revisions = revisions;
        this.units = units;
    }

    /**
     * @param anchors CA certificates to tell whether each signer's chain reaches one; may be empty
     * @throws Refusal when the bytes are not a readable PDF
     */
    public Verdict verify(byte[] file, List<X509Certificate> anchors) {
        SignatureCheck.Report report;
        try {
            report = SignatureCheck.of(file);
        } catch (SignatureCheck.Unreadable e) {
            throw new Refusal(e, "verify.unreadable");
        }
        String sha256 = Sha256.of(file);
        List<Line> lines = new ArrayList<>();
        for (Finding f : report.findings()) {
            lines.add(new Line("verify.damage." + f.damage().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    f.arguments().toArray()));
        }
        int untrusted = 0;
        Levels.FileLevel levels = Levels.of(file, report);
        for (Signature s : report.signatures()) {
            lines.add(describe(s));
            levels.signatures().stream().filter(l -> l.field().equals(s.field())).findFirst()
                    .ifPresent(l -> lines.add(level(l)));
            if (s.valid() && !anchors.isEmpty()) {
                boolean trusted = CertificateChecks.chainsTo(s.chain().toArray(X509Certificate[]::new), anchors,
                        s.time() == null ? java.time.Instant.now() : s.time().toInstant());
                if (trusted) {
                    lines.add(new Line("verify.chain.trusted", s.field()));
                } else {
                    // Why the file is refused comes first, with what changed.
                    lines.add(report.findings().size() + untrusted++,
                            new Line("verify.chain.untrusted", s.field(), s.subject()));
                }
            }
        }
        if (!report.intact() || untrusted > 0) {
            lines.add(0, new Line("verify.broken"));
            return new Verdict(Outcome.BROKEN, lines);
        }
        Known known = known(file, sha256, !report.signatures().isEmpty());
        Optional<Signed> recorded = Optional.ofNullable(known == null ? null : known.signed());
        Optional<Sealed> sealed = Optional.ofNullable(known == null ? null : known.sealed());
        if (report.signatures().isEmpty()) {
            if (recorded.isPresent()) {
                lines.add(0, verified(recorded.get()));
                lines.add(new Line("verify.paper"));
                return againstRows(recorded.get(), file, lines);
            }
            lines.add(0, new Line("verify.broken"));
            lines.add(new Line("verify.no-signature"));
            return new Verdict(Outcome.BROKEN, lines);
        }
        if (sealed.isPresent()) {
            Sealed s = sealed.get();
            lines.add(0, verified(recorded.orElseThrow()));
            lines.add(1, new Line("verify.sealed", s.organisation(), s.sealedAt()));
            return againstRows(recorded.get(), report.firstSigned(), lines);
        }
        if (recorded.isPresent()) {
            lines.add(0, verified(recorded.get()));
            return againstRows(recorded.get(), report.firstSigned(), lines);
        }
        String[] stated = stated(report.firstSigned());
        lines.add(0, new Line("verify.genuine"));
        lines.add(1, stated == null ? new Line("verify.states-nothing")
                : new Line("verify.states", stated[0], stated[1]));
        if (anchors.isEmpty()) {
            lines.add(new Line("verify.no-anchor"));
        }
        return new Verdict(Outcome.GENUINE, lines);
    }

    /**
     * The verdict on a file this database knows: verified, unless the tables it carries differ from the revision's
     * rows here (changed after signing by someone who got past the database's own refusal).
     *
     * @param signedBytes what the first signature covers (the whole file when signed off on paper)
     */
    private Verdict againstRows(Signed s, byte[] signedBytes, List<Line> lines) {
        Tables tables = compareTables(s, signedBytes);
        List<Line> differences = tables.differences();
        if (differences.isEmpty()) {
            if (!tables.compared().isEmpty()) {
                lines.add(new Line("verify.tables.match", String.join(", ", tables.compared())));
            }
            return new Verdict(Outcome.VERIFIED, lines);
        }
        List<Line> broken = new ArrayList<>(List.of(new Line("verify.broken")));
        broken.addAll(differences);
        broken.addAll(lines.subList(1, lines.size()));
        return new Verdict(Outcome.BROKEN, broken);
    }

    /**
     * Each table the signed file carries (by field, by unit, a consolidation's by centre) that differs from the same table made now of the
     * revision's rows, as one sentence naming the first cell that differs. A file that carries no tables (signed
     * before they were embedded) is compared with nothing.
     */
    private Tables compareTables(Signed s, byte[] signedBytes) {
        Map<String, byte[]> carried;
        try {
            carried = EmbeddedTables.of(signedBytes);
        } catch (IOException | RuntimeException e) {
            log.info("the tables embedded in the signed file of {} revision {} cannot be read", s.period(), s.revision(), e);
            return new Tables(List.of(), List.of(new Line("verify.table.unreadable", s.period(), s.revision())));
        }
        ReportKey period = new ReportKey(PeriodName.parse(s.period()), s.centre());
        Optional<Revision> revision = revisions.find(period, s.revision());
        if (carried.isEmpty() || revision.isEmpty()) {
            return new Tables(List.of(), List.of());
        }
        Map<String, byte[]> here = new LinkedHashMap<>();
        here.put(ReportFiles.name(period, s.revision(), CsvTables.BY_FIELD),
                CsvTables.byField(revisions.table(revision.get())));
        // Units rows deleted after signing are compared as an empty table with the one the file carries.
        String unitTable = ReportFiles.name(period, s.revision(), CsvTables.BY_UNIT);
        ReportTable byUnit = units.table(revision.get());
        if (!byUnit.rows().isEmpty() || carried.containsKey(unitTable)) {
            here.put(unitTable, CsvTables.byUnit(byUnit));
        }
        // A consolidation's table by centre, as kept with its revision.
        String centreTable = ReportFiles.name(period, s.revision(), CsvTables.BY_CENTRE);
        CentreTable byCentre = centreRows.table(revision.get());
        if (!byCentre.isEmpty() || carried.containsKey(centreTable)) {
            here.put(centreTable, CsvTables.byCentre(byCentre));
        }
        List<Line> differences = new ArrayList<>();
        here.forEach((name, table) -> {
            byte[] signedTable = carried.get(name);
            if (signedTable == null) {
                differences.add(new Line("verify.table.missing", name));
            } else if (!Arrays.equals(signedTable, table)) {
                EmbeddedTables.Difference d;
                try {
                    d = EmbeddedTables.compare(signedTable, table);
                } catch (RuntimeException e) {
                    log.info("table {} of the signed file cannot be read as CSV", name, e);
                    d = null;
                }
                differences.add(d == null ? new Line("verify.table.changed-bytes", name)
                        : new Line("verify.table.changed", name, d.row(), d.key(), d.name(), d.column(), d.signed(),
                                d.database(), d.cells()));
            }
        });
        return new Tables(List.copyOf(here.keySet()), differences);
    }

    /** The tables compared (by name) and a sentence for each that differs. */
    private record Tables(List<String> compared, List<Line> differences) {
    }

    /** A file this database recorded: the sign-off, and the seal when the file is (or contains) the sealed one. */
    private record Known(Signed signed, Sealed sealed) {
    }

    /**
     * The recorded file this one is: itself (signed, sealed or renewed), else, when {@code grown}, the longest of
     * its earlier revisions that is (the signed-off file with what other tools appended after it is still that
     * file; whether what they appended is allowed is {@link SignatureCheck}'s to say). Null when none is.
     */
    private Known known(byte[] file, String sha256, boolean grown) {
        Known exact = known(sha256);
        if (exact != null || !grown) {
            return exact;
        }
        List<Integer> ends = revisionEnds(file);
        for (int i = ends.size() - 1; i >= 0; i--) {
            if (ends.get(i) < file.length) {
                Known earlier = known(Sha256.of(java.util.Arrays.copyOf(file, ends.get(i))));
                if (earlier != null) {
                    return earlier;
                }
            }
        }
        return null;
    }

    private Known known(String sha256) {
        Optional<SignedRevisions.Renewal> renewal = signed.renewalBySha256(sha256);
        if (renewal.isPresent()) {
            long id = renewal.get().revisionId();
            Optional<Signed> first = signed.of(id);
            return first.map(f -> new Known(f, signed.sealOf(id).orElse(null))).orElse(null);
        }
        Optional<Sealed> seal = signed.sealBySha256(sha256);
        if (seal.isPresent()) {
            return signed.of(seal.get().revisionId()).map(f -> new Known(f, seal.get())).orElse(null);
        }
        return signed.bySha256(sha256).map(f -> new Known(f, null)).orElse(null);
    }

    /** Where each revision of the file may end: after each %%EOF, with or without its end of line. */
    private static List<Integer> revisionEnds(byte[] file) {
        byte[] eof = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i + eof.length <= file.length; i++) {
            if (java.util.Arrays.equals(file, i, i + eof.length, eof, 0, eof.length)) {
                int end = i + eof.length;
                ends.add(end);
                if (end < file.length && (file[end] == '\n' || file[end] == '\r')) {
                    ends.add(end + 1);
                    if (file[end] == '\r' && end + 1 < file.length && file[end + 1] == '\n') {
                        ends.add(end + 2);
                    }
                }
            }
        }
        return ends;
    }

    private static Line level(Levels.Stamped s) {
        return s.level() == Levels.Level.B_B ? new Line("verify.signature.level-b", s.field(), s.expires())
                : new Line("verify.signature.level", s.field(), s.level().label(), s.stampedAt());
    }

    private static Line verified(Signed s) {
        return new Line("verify.verified", s.centre().isEmpty() ? s.period() : s.period() + " --centre " + s.centre(),
                s.revision(), s.signer(),
                (s.onBehalf() == null ? "" : s.onBehalf() + ", ") + s.position(), s.signedAt());
    }

    private static Line describe(Signature s) {
        if (s.valid() && s.timeStamp()) {
            return new Line("verify.timestamp.valid", s.field(), s.signer(), s.time(), s.digest());
        }
        if (s.valid()) {
            return new Line("verify.signature.valid", s.field(), s.signer(),
                    s.organisation() == null ? "-" : s.organisation(), s.time(), s.digest(), s.subFilter());
        }
        return new Line("verify.signature." + switch (s.problem()) {
            case CHANGED -> "changed";
            case CERTIFICATE_NOT_VALID_THEN -> "expired";
            case UNREADABLE -> "unreadable";
            case TIME_STAMP_BROKEN -> "timestamp-broken";
        }, s.field(), s.signer(), s.time());
    }

    /** {period, revision} as the document's own properties state them, or null. */
    private static String[] stated(byte[] firstSigned) {
        try {
            PdfReader reader = new PdfReader(firstSigned);
            try {
                String period = reader.getInfo().get(ReportDocument.PERIOD_PROPERTY);
                String centre = reader.getInfo().get(ReportDocument.CENTRE_PROPERTY);
                String revision = reader.getInfo().get(ReportDocument.REVISION_PROPERTY);
                return period == null || revision == null ? null
                        : new String[] {centre == null ? period : period + " --centre " + centre, revision};
            } finally {
                reader.close();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
