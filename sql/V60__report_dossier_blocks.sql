-- The per-dossier record of a revision, made cheap for a province's month (issue 6).
--
-- One row per committed chunk of the classify step instead of one row per dossier: the chunk's
-- dossier ids and, at the same index, each dossier's cell packed in a smallint (CellCode in Java):
--   bits 0-5   field position in the catalogue (1..63)
--   bits 6-7   intake: 0 CARRIED_OVER, 1 NEW_ONLINE, 2 NEW_DIRECT, 3 NEW_POSTAL
--   bits 8-10  result: 0 EARLY, 1 ON_TIME, 2 LATE, 3 NOT_YET_DUE, 4 OVERDUE
--   bits 11-12 outcome when resolved in the period: 0 none, 1 resolved, 2 withdrawn, 3 returned
--   bit  13    apology letter by the period's end
-- 2M dossiers are ~200 rows of ~20 kB instead of 2M rows (and their index): the write is a few
-- hundred milliseconds. The chunk's first id is the key, so a chunk written twice fails loudly
-- instead of counting twice.
--
-- The view report_dossier keeps the previous table's columns and values for every reader
-- (explain, diff between revisions): revision_id, dossier_id, field_code, intake, result, outcome, apology.
DROP TABLE report_dossier;

CREATE TABLE report_dossier_block (
    revision_id      bigint NOT NULL REFERENCES report_revision (id) ON DELETE CASCADE,
    first_dossier_id bigint NOT NULL,
    dossier_ids      bigint[] NOT NULL,
    cells            smallint[] NOT NULL,
    CHECK (cardinality(dossier_ids) = cardinality(cells) AND cardinality(cells) > 0),
    CHECK (dossier_ids[1] = first_dossier_id),
    PRIMARY KEY (revision_id, first_dossier_id)
);
-- Ids compress poorly and are read whole: store them out of line without compression.
ALTER TABLE report_dossier_block ALTER COLUMN dossier_ids SET STORAGE EXTERNAL;
ALTER TABLE report_dossier_block ALTER COLUMN cells SET STORAGE EXTERNAL;

CREATE VIEW report_dossier AS
SELECT b.revision_id,
       u.dossier_id,
       f.code AS field_code,
       (ARRAY['CARRIED_OVER', 'NEW_ONLINE', 'NEW_DIRECT', 'NEW_POSTAL'])[((u.cell >> 6) & 3) + 1] AS intake,
       (ARRAY['EARLY', 'ON_TIME', 'LATE', 'NOT_YET_DUE', 'OVERDUE'])[((u.cell >> 8) & 7) + 1] AS result,
       (ARRAY[NULL, 'resolved', 'withdrawn', 'returned'])[((u.cell >> 11) & 3) + 1] AS outcome,
       ((u.cell >> 13) & 1) = 1 AS apology
  FROM report_dossier_block b
 CROSS JOIN LATERAL unnest(b.dossier_ids, b.cells) AS u (dossier_id, cell)
  JOIN field f ON f.position = (u.cell & 63);
