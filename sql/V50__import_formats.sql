-- Imports of centres' own exports (issue 5).

-- Each refusal says which rule it broke (for the summary "by reason") and why, in Vietnamese for the
-- clerk who fixes the file as well as in English.
ALTER TABLE import_reject
    ADD COLUMN rule      text NOT NULL DEFAULT 'other',
    ADD COLUMN reason_vi text NOT NULL DEFAULT '';

-- What was asked of an import: a sheet of a workbook, and whether valid rows may be stored when others are refused.
ALTER TABLE import_batch
    ADD COLUMN sheet          text,
    ADD COLUMN accept_partial boolean NOT NULL DEFAULT false;

-- Which dossiers changed after a period's revision was produced: dossier.updated_at against the revision's time.
CREATE INDEX dossier_by_update ON dossier (updated_at);

-- Staging rows live for one import only: no need to write them to the WAL too (half the writes of a large
-- file). After a crash they are gone, and the import is simply run again.
ALTER TABLE import_dossier SET UNLOGGED;
ALTER TABLE import_transfer SET UNLOGGED;
