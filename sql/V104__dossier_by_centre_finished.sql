-- A centre's report reads the dossiers its centre received that may be in the period's scope: received by the
-- period's end, and not finished or finished on or after its start. With the finished day and the received day after
-- the centre in the key, both arms of that condition are index ranges checked in the index: a commune's report visits
-- the pages of its few in-scope dossiers, not every page its dossiers of all months lie on (a centre's dossiers are
-- spread over the whole table). The leading column still serves the distinct stored centres and centre = ANY (...),
-- so this index replaces the one on the centre alone.
DROP INDEX dossier_by_centre;
CREATE INDEX dossier_by_centre ON dossier (centre, finished_on, received_on);
