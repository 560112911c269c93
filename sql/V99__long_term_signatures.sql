-- Long-term signatures (PAdES-BASELINE-B, -T, -LT, -LTA, ETSI EN 319 142-1): the level each signed and sealed
-- file was written at, and until when it stays verifiable (the end of validity of its newest time-stamp's
-- certificate; with no time-stamp, of the signer's certificate). Set with the sign-off or the seal, in the same
-- statement, so the freezing triggers are untouched. Files of earlier versions have none: NULL.
ALTER TABLE report_revision
    ADD COLUMN signature_level  text CHECK (signature_level IN ('B-B', 'B-T', 'B-LT', 'B-LTA')),
    ADD COLUMN verifiable_until timestamptz;
ALTER TABLE report_seal
    ADD COLUMN signature_level  text CHECK (signature_level IN ('B-B', 'B-T', 'B-LT', 'B-LTA')),
    ADD COLUMN verifiable_until timestamptz;

-- Each renewal of a signed (or sealed) file: fresh revocation data and a new document time-stamp appended to
-- the file in place. The file's newest SHA-256 is the latest renewal's. Never changed or removed; a renewal
-- only of a signed-off revision. (No foreign key: the revision's row is checked on insert, and a renewal
-- row never outlives its revision, which is never deleted once signed.)
CREATE TABLE report_renewal (
    id               bigserial PRIMARY KEY,
    revision_id      bigint NOT NULL,
    renewed_at       timestamptz NOT NULL,
    pdf_path         text NOT NULL CHECK (pdf_path <> ''),
    pdf_sha256       text NOT NULL CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    signature_level  text NOT NULL CHECK (signature_level IN ('B-B', 'B-T', 'B-LT', 'B-LTA')),
    verifiable_until timestamptz NOT NULL
);
CREATE INDEX report_renewal_by_revision ON report_renewal (revision_id, id DESC);
CREATE INDEX report_renewal_by_sha256 ON report_renewal (pdf_sha256);

CREATE FUNCTION refuse_change_to_renewal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the renewal % of report revision % was recorded on %: it is never changed', OLD.id,
        OLD.revision_id, OLD.renewed_at
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER report_renewal_frozen
    BEFORE UPDATE OR DELETE ON report_renewal
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_renewal();

CREATE FUNCTION refuse_renewal_of_unsigned_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM report_revision WHERE id = NEW.revision_id AND signed_at IS NOT NULL) THEN
        RAISE EXCEPTION 'report revision % is not signed off: only a signed-off report is renewed', NEW.revision_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER report_renewal_signed_only
    BEFORE INSERT ON report_renewal
    FOR EACH ROW EXECUTE FUNCTION refuse_renewal_of_unsigned_revision();
