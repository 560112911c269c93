-- Cells widen from smallint to integer so the catalogue is not capped at 63 fields (a province's
-- catalogue has hundreds). New layout, low bits first (CellCode in Java):
--   bits 0-1   intake: 0 CARRIED_OVER, 1 NEW_ONLINE, 2 NEW_DIRECT, 3 NEW_POSTAL
--   bits 2-4   result: 0 EARLY, 1 ON_TIME, 2 LATE, 3 NOT_YET_DUE, 4 OVERDUE
--   bits 5-6   outcome when resolved in the period: 0 none, 1 resolved, 2 withdrawn, 3 returned
--   bit  7     apology letter by the period's end
--   bits 8-30  field position in the catalogue (1..8,388,607)
-- Existing blocks are converted: the old bits 6-13 are the new bits 0-7, the old bits 0-5 the position.
DROP VIEW report_dossier;

ALTER TABLE report_dossier_block ADD COLUMN cells_int integer[];
UPDATE report_dossier_block
   SET cells_int = (SELECT array_agg(((c & 63) << 8) | ((c >> 6) & 255) ORDER BY o)
                      FROM unnest(cells) WITH ORDINALITY AS t (c, o));
ALTER TABLE report_dossier_block DROP COLUMN cells;
ALTER TABLE report_dossier_block RENAME COLUMN cells_int TO cells;
ALTER TABLE report_dossier_block ALTER COLUMN cells SET NOT NULL;
ALTER TABLE report_dossier_block ALTER COLUMN cells SET STORAGE EXTERNAL;
ALTER TABLE report_dossier_block
    ADD CHECK (cardinality(dossier_ids) = cardinality(cells) AND cardinality(cells) > 0);

CREATE VIEW report_dossier AS
SELECT b.revision_id,
       u.dossier_id,
       f.code AS field_code,
       (ARRAY['CARRIED_OVER', 'NEW_ONLINE', 'NEW_DIRECT', 'NEW_POSTAL'])[(u.cell & 3) + 1] AS intake,
       (ARRAY['EARLY', 'ON_TIME', 'LATE', 'NOT_YET_DUE', 'OVERDUE'])[((u.cell >> 2) & 7) + 1] AS result,
       (ARRAY[NULL, 'resolved', 'withdrawn', 'returned'])[((u.cell >> 5) & 3) + 1] AS outcome,
       ((u.cell >> 7) & 1) = 1 AS apology
  FROM report_dossier_block b
 CROSS JOIN LATERAL unnest(b.dossier_ids, b.cells) AS u (dossier_id, cell)
  JOIN field f ON f.position = (u.cell >> 8);
