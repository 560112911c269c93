-- A signed revision is frozen (V40). Since V60 its per-dossier cells live in report_dossier_block,
-- which V40's trigger on the old report_dossier table no longer covers: the same trigger, here.
-- OR REPLACE: databases migrated before this version got it from a Flyway afterMigrate callback,
-- which ran on every start and locked the table against a concurrent run's inserts.
CREATE OR REPLACE TRIGGER report_dossier_block_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON report_dossier_block
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_rows();
