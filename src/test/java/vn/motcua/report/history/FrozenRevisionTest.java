package vn.motcua.report.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import vn.motcua.report.DatabaseTest;

/** A signed revision is frozen by the database itself, whatever program connects. */
class FrozenRevisionTest extends DatabaseTest {

    private static final String SHA = "a".repeat(64);

    private long signedRevision() {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        long id = jdbc.queryForObject("SELECT id FROM report_revision WHERE period = '2021-02' AND revision = 1", Long.class);
        jdbc.update("""
                UPDATE report_revision SET signer = 'Nguyễn Văn A', position = 'Giám đốc', signed_at = now(),
                       pdf_path = '/srv/bao-cao.pdf', pdf_sha256 = ? WHERE id = ?""", SHA, id);
        return id;
    }

    @Test
    void signedRevision_refusesAnyChangeToItsRowsCellsAndSignature() {
        long id = signedRevision();
        assertThatThrownBy(() -> jdbc.update("UPDATE report_row SET late = late + 1 WHERE revision_id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
        // The per-dossier cells (stored in blocks per chunk, read through the report_dossier view).
        assertThatThrownBy(() -> jdbc.update("DELETE FROM report_dossier_block WHERE revision_id = ?", id))
                .hasMessageContaining("frozen");
        assertThatThrownBy(() -> jdbc.update("UPDATE report_dossier_block SET cells = cells WHERE revision_id = ?", id))
                .hasMessageContaining("frozen");
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO report_dossier_block (revision_id, first_dossier_id, dossier_ids, cells)
                VALUES (?, 999999999, ARRAY[999999999::bigint], ARRAY[1::smallint])""", id))
                .hasMessageContaining("frozen");
        assertThatThrownBy(() -> jdbc.update("UPDATE report_revision SET pdf_sha256 = ? WHERE id = ?", "b".repeat(64), id))
                .hasMessageContaining("frozen");
        assertThatThrownBy(() -> jdbc.update("UPDATE report_revision SET signed_at = NULL, signer = NULL, position = NULL,"
                + " pdf_path = NULL, pdf_sha256 = NULL WHERE id = ?", id)).hasMessageContaining("frozen");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM report_revision WHERE id = ?", id)).hasMessageContaining("frozen");
        assertThat(jdbc.queryForObject("SELECT sum(late) FROM report_row WHERE revision_id = ?", Long.class, id)).isEqualTo(8);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_dossier WHERE revision_id = ?", Long.class, id))
                .isEqualTo(497);

        // Corrections still go through: a rerun is a new, unsigned revision.
        Run rerun = cli("rerun", "--period", "2021-02", "--reason", "after sign-off", "--out", tmp.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        Run history = cli("history", "--period", "2021-02");
        assertThat(history.out()).contains("signed").contains("no");
    }

    @Test
    void onlyACompletedRevision_canBeSigned_andOnlyWithEveryField() {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        long id = jdbc.queryForObject("SELECT id FROM report_revision", Long.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE report_revision SET signer = 'A', signed_at = now() WHERE id = ?", id))
                .hasMessageContaining("report_revision_signed_together");
        jdbc.update("UPDATE report_revision SET status = 'FAILED' WHERE id = ?", id);
        assertThatThrownBy(() -> jdbc.update("""
                UPDATE report_revision SET signer = 'A', position = 'B', signed_at = now(), pdf_path = 'x.pdf',
                       pdf_sha256 = ? WHERE id = ?""", SHA, id)).hasMessageContaining("report_revision_signed_together");
        // Unsigned revisions stay writable (a restart continues them).
        jdbc.update("UPDATE report_row SET late = late WHERE revision_id = ?", id);
        jdbc.update("UPDATE report_dossier_block SET cells = cells WHERE revision_id = ?", id);
    }
}
