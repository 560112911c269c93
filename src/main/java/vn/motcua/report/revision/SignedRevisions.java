package vn.motcua.report.revision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.motcua.report.period.VietnamTime;

/** The sign-off columns of report_revision: who signed which file, when. Frozen by the database once set. */
@Repository
public class SignedRevisions {

    /** A signed revision as recorded. */
    public record Signed(long revisionId, String period, int revision, String signer, String position, String onBehalf,
                         OffsetDateTime signedAt, String pdfPath, String sha256) {
    }

    private static final String COLUMNS =
            "id, period, revision, signer, position, on_behalf, signed_at, pdf_path, pdf_sha256";

    private final JdbcTemplate jdbc;

    public SignedRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    /** Records the sign-off; false when the revision is signed already or did not complete. */
    public boolean record(long revisionId, String signer, String position, String onBehalf, OffsetDateTime signedAt,
                          String pdfPath, String sha256, String documentNumber, LocalDate documentDate) {
        return jdbc.update("""
                UPDATE report_revision SET signer = ?, position = ?, on_behalf = ?, signed_at = ?, pdf_path = ?,
                       pdf_sha256 = ?, document_number = ?, document_date = ?
                 WHERE id = ? AND signed_at IS NULL AND status = ?""",
                signer, position, onBehalf, signedAt, pdfPath, sha256, documentNumber, documentDate, revisionId,
                RevisionStatus.COMPLETED.name()) == 1;
    }

    private static Signed signed(ResultSet rs, int row) throws SQLException {
        OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
        return new Signed(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), at == null ? null : at.atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime(),
                rs.getString(8), rs.getString(9));
    }
}
