-- The centre that received each dossier (Nơi tiếp nhận), as the export names it (trimmed, NFC, single spaces, its
-- case kept), or NULL when the export has none. It is matched to jobs/centres.yaml when a report is run, so a centre
-- or an alias added there later needs no re-import.
ALTER TABLE dossier ADD COLUMN centre text CHECK (centre <> '');
ALTER TABLE import_dossier ADD COLUMN centre text;
