-- Flyway runs this after every migrate. A signed revision is frozen (V40); since V60 its per-dossier
-- cells live in report_dossier_block, created after V40 runs, so the same trigger is attached here,
-- idempotently, once every versioned migration has run.
CREATE OR REPLACE TRIGGER report_dossier_block_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON report_dossier_block
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_rows();
