-- Which data a revision read, in the order imports committed (docs/counting.md, "Data changed after a report").
--
-- Each stored import makes the next data version, taken as it commits; each revision records the data version its
-- reads start from. A dossier changed since a revision is one whose last changing import has a later version.
-- Timestamps cannot tell this: an import's rows carry the time its transaction began, but it commits later, after a
-- report may have read around it. Versions follow commit order because both sides take one advisory lock: an import
-- takes its version under the exclusive lock and keeps it until it has committed; a revision reads the version under
-- the shared lock, so never between an import's version and its commit. A sequence's values survive a dump and
-- restore, where transaction ids would not.

CREATE SEQUENCE data_version;

ALTER TABLE import_batch ADD COLUMN data_version bigint UNIQUE;

-- Every import up to this version had committed before the revision read any dossier: later reads (a restart's
-- too) see at least that. NULL until its classify step starts.
ALTER TABLE report_revision ADD COLUMN data_version bigint;

-- Called by an import just before it commits, in its own transaction: its version, the next one. The lock is held
-- until that transaction ends, so no revision reads the current version in between.
CREATE FUNCTION next_data_version(batch bigint) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    version bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('motcua-report data version', 0));
    version := nextval('data_version');
    UPDATE import_batch SET data_version = version WHERE id = batch;
    RETURN version;
END $$;

-- The version of the last import committed, 0 when none. A version taken by an import that then failed to commit
-- is on no import_batch row: counting it read is harmless. Call it outside a long transaction (the shared lock is
-- held to the transaction's end, and holds up imports' commits meanwhile).
CREATE FUNCTION current_data_version() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('motcua-report data version', 0));
    RETURN coalesce(pg_sequence_last_value('data_version'), 0);
END $$;

-- Imports stored before this version, numbered in the order they began (they ran one after the other).
UPDATE import_batch b SET data_version = o.n
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM import_batch WHERE status = 'STORED') o
 WHERE b.id = o.id;
SELECT setval('data_version', max(data_version)) FROM import_batch HAVING max(data_version) IS NOT NULL;

-- Revisions made before this version read the imports begun before the revision was reserved. Signed revisions
-- are frozen by a trigger; this records what they read, once, so it is let through here only.
ALTER TABLE report_revision DISABLE TRIGGER report_revision_frozen;
UPDATE report_revision r
   SET data_version = (SELECT coalesce(max(b.data_version), 0) FROM import_batch b WHERE b.imported_at < r.created_at);
ALTER TABLE report_revision ENABLE TRIGGER report_revision_frozen;

-- The dossiers of the imports after a version are found by their import, no longer by their time: dossier.import_id
-- grows where the table ends, as updated_at did, so a BRIN index finds them for next to nothing.
DROP INDEX dossier_by_update;
CREATE INDEX dossier_by_import ON dossier USING brin (import_id);
