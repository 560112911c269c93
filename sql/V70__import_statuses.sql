-- Imports of the files offices really have (issue 10).

-- A dossier whose status says it is counted in no report (Đã hủy: entered by mistake; Từ chối tiếp nhận: never
-- received) is still stored, with that status as the file wrote it; NULL for every dossier that counts.
ALTER TABLE dossier ADD COLUMN not_counted text CHECK (not_counted <> '');
ALTER TABLE import_dossier ADD COLUMN not_counted text;

-- What an import skipped as not dossiers (blank, group, footer rows), and stored without counting.
ALTER TABLE import_batch
    ADD COLUMN skipped     integer NOT NULL DEFAULT 0,
    ADD COLUMN not_counted integer NOT NULL DEFAULT 0;

-- Staging rows are read whole (by import) and joined by hash, never looked up one by one: a primary key
-- would only slow down the COPY of a large file.
ALTER TABLE import_dossier DROP CONSTRAINT import_dossier_pkey;

-- Foreign keys checked row by row are most of the time of a large import (PostgreSQL checks and locks the
-- referenced row once per row: two million checks for a million dossiers). The staging table's rows are
-- written and removed by the import itself; import_batch rows are never deleted, so dossier.import_id is a
-- plain link to the import that last changed the dossier. The field stays a foreign key of the catalogue.
ALTER TABLE import_dossier DROP CONSTRAINT import_dossier_import_id_fkey;
ALTER TABLE dossier DROP CONSTRAINT dossier_import_id_fkey;

-- The same holds for dossier.field_code: instead of a check per row, the import locks the catalogue and checks
-- its staged codes in one query before storing them (DossierImport.store), and the catalogue refuses to lose
-- or rename a code that dossiers use, as the foreign key did.
ALTER TABLE dossier DROP CONSTRAINT dossier_field_code_fkey;

CREATE FUNCTION field_code_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP = 'DELETE' OR NEW.code IS DISTINCT FROM OLD.code)
       AND EXISTS (SELECT 1 FROM dossier WHERE field_code = OLD.code) THEN
        RAISE EXCEPTION 'field % is used by dossiers', OLD.code USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER field_code_kept BEFORE DELETE OR UPDATE OF code ON field
    FOR EACH ROW EXECUTE FUNCTION field_code_kept();
