-- Restartable history and frozen revisions (issue 4).

-- Which process runs (or ran) each report execution, so an operator is told who holds a period:
-- host, PID and the JVM's start time (a PID alone may be reused). Liveness itself is decided by the
-- period's advisory lock (see report/PeriodLock), which PostgreSQL releases when the process dies.
CREATE TABLE report_execution (
    job_execution_id   bigint PRIMARY KEY,
    period             text NOT NULL,
    revision           integer NOT NULL,
    host               text NOT NULL,
    pid                bigint NOT NULL,
    process_started_at timestamptz,
    started_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_execution_by_period ON report_execution (period, job_execution_id DESC);

-- Sign-off: who signed which file, and when. All set together, once, on a completed revision.
ALTER TABLE report_revision
    ADD COLUMN signer     text,
    ADD COLUMN position   text,
    ADD COLUMN on_behalf  text,
    ADD COLUMN signed_at  timestamptz,
    ADD COLUMN pdf_path   text,
    ADD COLUMN pdf_sha256 text CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    -- The signed document's number and date as printed, so a correction can cite them.
    ADD COLUMN document_number text,
    ADD COLUMN document_date date,
    ADD CONSTRAINT report_revision_signed_together CHECK (
        (signed_at IS NULL AND signer IS NULL AND position IS NULL AND on_behalf IS NULL
             AND pdf_path IS NULL AND pdf_sha256 IS NULL AND document_number IS NULL AND document_date IS NULL)
        OR (signed_at IS NOT NULL AND signer <> '' AND position <> '' AND pdf_path <> ''
             AND pdf_sha256 IS NOT NULL AND status = 'COMPLETED'));

-- A signed revision is frozen in the database itself: its row, its counters and its per-dossier
-- cells can be neither changed nor deleted, whatever program connects. Corrections are new revisions.
CREATE FUNCTION refuse_change_to_signed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.signed_at IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND OLD.signed_at IS NULL THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'report % revision % was signed on % by %: it is frozen; a correction is a new revision (rerun)',
        OLD.period, OLD.revision, OLD.signed_at, OLD.signer
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER report_revision_frozen
    BEFORE UPDATE OR DELETE ON report_revision
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_revision();

-- For report_row and report_dossier: refuse any row of a signed revision (old or new side).
CREATE FUNCTION refuse_change_to_signed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
    frozen  record;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        touched := array_append(touched, OLD.revision_id);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        touched := array_append(touched, NEW.revision_id);
    END IF;
    SELECT period, revision, signed_at INTO frozen
      FROM report_revision WHERE id = ANY (touched) AND signed_at IS NOT NULL LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'report % revision % was signed on %: its % rows are frozen; a correction is a new revision (rerun)',
            frozen.period, frozen.revision, frozen.signed_at, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER report_row_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON report_row
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_rows();

CREATE TRIGGER report_dossier_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON report_dossier
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_rows();
