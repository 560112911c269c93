package vn.motcua.report.revision;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.motcua.report.period.PeriodName;
import vn.motcua.report.period.VietnamTime;

/**
 * The sign-off columns of report_revision (who signed which file, when) and the seals of report_seal.
 * Frozen by the database once set.
 */
@Repository
public class SignedRevisions {

    /** A signed revision as recorded. */
    public record Signed(long revisionId, String period, int revision, String signer, String position, String onBehalf,
                         OffsetDateTime signedAt, String pdfPath, String sha256, String centre) {
    }

    /**
     * How long a signed file lasts: its PAdES baseline level ("B-B", "B-T", "B-LT", "B-LTA") and until when it
     * stays verifiable.
     */
    public record LongTerm(String level, OffsetDateTime verifiableUntil) {
    }

    /** A renewal of a signed or sealed file, as recorded: the file's new SHA-256 and level. */
    public record Renewal(long revisionId, OffsetDateTime renewedAt, String pdfPath, String sha256, LongTerm longTerm) {
    }

    /** A sealed revision as recorded. */
    public record Sealed(long revisionId, String period, int revision, String organisation, OffsetDateTime sealedAt,
                         String pdfPath, String sha256, String centre) {
    }

    private static final String COLUMNS =
            "id, period, revision, signer, position, on_behalf, signed_at, pdf_path, pdf_sha256, centre";

    /** Where files go when nothing says otherwise (as {@code run} without {@code --out}). */
    private static final String DEFAULT_OUT = "reports";

    private final JdbcTemplate jdbc;
    private final ExecutionHistory history;

    public SignedRevisions(JdbcTemplate jdbc, ExecutionHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    public Optional<Signed> of(long revisionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_revision WHERE id = ? AND signed_at IS NOT NULL",
                SignedRevisions::signed, revisionId).stream().findFirst();
    }

    /** The signed revision whose file has this SHA-256, if any. */
    public Optional<Signed> bySha256(String sha256) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_revision WHERE pdf_sha256 = ? ORDER BY id LIMIT 1",
                SignedRevisions::signed, sha256).stream().findFirst();
    }

    /** The latest signed-off revision of a period, if any. */
    public Optional<Integer> latestSigned(PeriodName period) {
        return latestSigned(ReportKey.of(period));
    }

    /** The latest signed-off revision of a report, if any. */
    public Optional<Integer> latestSigned(ReportKey report) {
        return jdbc.queryForList("SELECT revision FROM report_revision WHERE period = ? AND centre = ?"
                        + " AND signed_at IS NOT NULL ORDER BY revision DESC LIMIT 1", Integer.class,
                report.period().name(), report.centre()).stream().findFirst();
    }

    /** The seal of a revision, if it was sealed. */
    public Optional<Sealed> sealOf(long revisionId) {
        return jdbc.query(SEALS + " WHERE s.revision_id = ?", SignedRevisions::sealed, revisionId).stream().findFirst();
    }

    /** The sealed revision whose sealed file has this SHA-256, if any. */
    public Optional<Sealed> sealBySha256(String sha256) {
        return jdbc.query(SEALS + " WHERE s.pdf_sha256 = ? ORDER BY s.revision_id LIMIT 1", SignedRevisions::sealed,
                sha256).stream().findFirst();
    }

    /** Records the seal; false when the revision is sealed already. */
    public boolean recordSeal(long revisionId, String organisation, OffsetDateTime sealedAt, String pdfPath,
                              String sha256, LongTerm longTerm) {
        return jdbc.update("""
                INSERT INTO report_seal (revision_id, organisation, sealed_at, pdf_path, pdf_sha256, signature_level,
                                         verifiable_until)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (revision_id) DO NOTHING""",
                revisionId, organisation, sealedAt, pdfPath, sha256, longTerm.level(), longTerm.verifiableUntil()) == 1;
    }

    /** Records a renewal of the revision's file. */
    public void recordRenewal(Renewal renewal) {
        jdbc.update("""
                INSERT INTO report_renewal (revision_id, renewed_at, pdf_path, pdf_sha256, signature_level,
                                            verifiable_until)
                VALUES (?, ?, ?, ?, ?, ?)""", renewal.revisionId(), renewal.renewedAt(), renewal.pdfPath(),
                renewal.sha256(), renewal.longTerm().level(), renewal.longTerm().verifiableUntil());
    }

    /** The revision's latest renewal, if it was renewed. */
    public Optional<Renewal> latestRenewal(long revisionId) {
        return jdbc.query(RENEWALS + " WHERE revision_id = ? ORDER BY id DESC LIMIT 1", SignedRevisions::renewal,
                revisionId).stream().findFirst();
    }

    /** The renewal whose file has this SHA-256, if any. */
    public Optional<Renewal> renewalBySha256(String sha256) {
        return jdbc.query(RENEWALS + " WHERE pdf_sha256 = ? ORDER BY id DESC LIMIT 1", SignedRevisions::renewal, sha256)
                .stream().findFirst();
    }

    /**
     * The level and lasting of the revision's latest file (renewed, else sealed, else signed), when recorded;
     * empty for a revision not signed, or signed by a version that did not record it.
     */
    public Optional<LongTerm> longTerm(String period, int revision) {
        return longTerm(period, ReportKey.SINGLE, revision);
    }

    /** As {@link #longTerm(String, int)}, of a centre's report ({@link ReportKey#SINGLE} for report.yaml's). */
    public Optional<LongTerm> longTerm(String period, String centre, int revision) {
        return jdbc.query("""
                SELECT coalesce(n.signature_level, s.signature_level, r.signature_level),
                       CASE WHEN n.id IS NOT NULL THEN n.verifiable_until
                            WHEN s.revision_id IS NOT NULL THEN s.verifiable_until
                            ELSE r.verifiable_until END
                  FROM report_revision r
                  LEFT JOIN report_seal s ON s.revision_id = r.id
                  LEFT JOIN LATERAL (SELECT * FROM report_renewal WHERE revision_id = r.id ORDER BY id DESC LIMIT 1) n
                         ON true
                 WHERE r.period = ? AND r.centre = ? AND r.revision = ? AND r.signed_at IS NOT NULL""",
                (rs, row) -> rs.getString(1) == null ? null : new LongTerm(rs.getString(1), vietnam(rs.getObject(2,
                        OffsetDateTime.class))), period, centre, revision).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * The folder {@code run --out} wrote the revision's draft under (the job's {@code out} parameter of its
     * completed execution), so the signed and sealed files go beside it; {@code ./reports} when unknown.
     */
    public Path draftFolder(Revision revision) {
        return Path.of(history.completedOut(revision.key(), revision.revision()).orElse(DEFAULT_OUT));
    }

    /** Records the sign-off; false when the revision is signed already or did not complete. */
    public boolean record(long revisionId, String signer, String position, String onBehalf, OffsetDateTime signedAt,
                          String pdfPath, String sha256, String documentNumber, LocalDate documentDate,
                          LongTerm longTerm) {
        return jdbc.update("""
                UPDATE report_revision SET signer = ?, position = ?, on_behalf = ?, signed_at = ?, pdf_path = ?,
                       pdf_sha256 = ?, document_number = ?, document_date = ?, signature_level = ?, verifiable_until = ?
                 WHERE id = ? AND signed_at IS NULL AND status = ?""",
                signer, position, onBehalf, signedAt, pdfPath, sha256, documentNumber, documentDate,
                longTerm == null ? null : longTerm.level(), longTerm == null ? null : longTerm.verifiableUntil(),
                revisionId, RevisionStatus.COMPLETED.name()) == 1;
    }

    private static final String SEALS = """
            SELECT s.revision_id, r.period, r.revision, s.organisation, s.sealed_at, s.pdf_path, s.pdf_sha256, r.centre
              FROM report_seal s JOIN report_revision r ON r.id = s.revision_id""";

    private static final String RENEWALS = """
            SELECT revision_id, renewed_at, pdf_path, pdf_sha256, signature_level, verifiable_until FROM report_renewal""";

    private static Renewal renewal(ResultSet rs, int row) throws SQLException {
        return new Renewal(rs.getLong(1), vietnam(rs.getObject(2, OffsetDateTime.class)), rs.getString(3),
                rs.getString(4), new LongTerm(rs.getString(5), vietnam(rs.getObject(6, OffsetDateTime.class))));
    }

    private static OffsetDateTime vietnam(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
    }

    private static Sealed sealed(ResultSet rs, int row) throws SQLException {
        return new Sealed(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime(),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }

    private static Signed signed(ResultSet rs, int row) throws SQLException {
        OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
        return new Signed(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), at == null ? null : at.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime(),
                rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
