-- dossier.updated_at is only asked "later than a revision's time?", and the rows an import adds or changes
-- are written where the table ends: a BRIN index over page ranges finds them, and costs an import next to
-- nothing to keep up. The B-tree it replaces took a fifth of a first import of a million rows, all sharing
-- one timestamp.
DROP INDEX dossier_by_update;
CREATE INDEX dossier_by_update ON dossier USING brin (updated_at);
