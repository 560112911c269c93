-- Imports of the files offices really have (issue 10).

-- A dossier whose status says it is counted in no report (Đã hủy: entered by mistake; Từ chối tiếp nhận: never
-- received) is still stored, with that status as the file wrote it; NULL for every dossier that counts.
ALTER TABLE dossier ADD COLUMN not_counted text CHECK (not_counted <> '');
ALTER TABLE import_dossier ADD COLUMN not_counted text;

-- What an import skipped as not dossiers (blank, group, footer rows), and stored without counting.
ALTER TABLE import_batch
    ADD COLUMN skipped     integer NOT NULL DEFAULT 0,
    ADD COLUMN not_counted integer NOT NULL DEFAULT 0;
