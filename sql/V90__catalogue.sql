-- The centre's own catalogue (jobs/catalogue.yaml) replaces the fields seeded by V2; the shipped file
-- holds the same 18, so existing data and reports stay as they are.
--
-- field.position stays the field's number in the per-dossier cells (report_dossier_block, CellCode):
-- given once, never changed, never reused, so every revision's cells keep decoding to the same field.
-- The report order is sort_order, from the file; a field the file no longer lists is retired (kept:
-- dossiers and past revisions name it), and imports refuse it like any field not in the catalogue.
ALTER TABLE field ADD COLUMN sort_order integer, ADD COLUMN retired boolean NOT NULL DEFAULT false;
UPDATE field SET sort_order = position;
ALTER TABLE field ALTER COLUMN sort_order SET NOT NULL;
-- Names are unique among the listed fields, which the file's reader checks (a rename may take a retired name).
ALTER TABLE field DROP CONSTRAINT field_name_key;

-- Other spellings exports use, by their comparison key (NFC, single spaces, lower case).
CREATE TABLE field_alias (
    alias_key  text PRIMARY KEY,
    alias      text NOT NULL,
    field_code text NOT NULL REFERENCES field (code) ON DELETE CASCADE
);

-- A revision records the catalogue it used: each row keeps its field's name and place in the report as of
-- the run, so a completed or signed revision reads the same whatever the catalogue says later.
ALTER TABLE report_row ADD COLUMN field_name text, ADD COLUMN field_order integer;
ALTER TABLE report_row DISABLE TRIGGER report_row_frozen;
UPDATE report_row r SET field_name = f.name, field_order = f.position FROM field f WHERE f.code = r.field_code;
ALTER TABLE report_row ENABLE TRIGGER report_row_frozen;
ALTER TABLE report_row ALTER COLUMN field_name SET NOT NULL, ALTER COLUMN field_order SET NOT NULL;
