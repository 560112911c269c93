-- A report is one centre's: with jobs/centres.yaml a period has a report per listed centre, each with its own
-- revisions 1, 2, …. centre is the centre's code, or '' for the one centre report.yaml describes (every report
-- made before, and every report made without centres.yaml).
-- Adding a column fires no row trigger: signed revisions stay frozen (V40, V62, V91, V96), and get ''.
ALTER TABLE report_revision
    ADD COLUMN centre text NOT NULL DEFAULT '' CHECK (centre = '' OR centre ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE report_revision DROP CONSTRAINT report_revision_period_revision_key;
ALTER TABLE report_revision ADD CONSTRAINT report_revision_period_centre_revision_key UNIQUE (period, centre, revision);

ALTER TABLE report_execution ADD COLUMN centre text NOT NULL DEFAULT '';
DROP INDEX report_execution_by_period;
CREATE INDEX report_execution_by_period ON report_execution (period, centre, job_execution_id DESC);

-- A centre's report reads the dossiers whose stored receiving centre is one of the spellings of that centre.
CREATE INDEX dossier_by_centre ON dossier (centre);
