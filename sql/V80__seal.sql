-- The organisation's seal (Decree 30/2020/NĐ-CP): a second digital signature added to the signed-off
-- file as an incremental update, written once as bao-cao-P-rN-sealed.pdf. One per signed revision;
-- like the sign-off itself, never changed or removed once recorded.
CREATE TABLE report_seal (
    revision_id  bigint PRIMARY KEY REFERENCES report_revision (id),
    organisation text NOT NULL CHECK (organisation <> ''),
    sealed_at    timestamptz NOT NULL,
    pdf_path     text NOT NULL CHECK (pdf_path <> ''),
    pdf_sha256   text NOT NULL CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$')
);
CREATE INDEX report_seal_by_sha256 ON report_seal (pdf_sha256);

CREATE FUNCTION refuse_change_to_seal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the seal of report revision % was recorded on %: it is never changed', OLD.revision_id, OLD.sealed_at
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER report_seal_frozen
    BEFORE UPDATE OR DELETE ON report_seal
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_seal();

-- A seal only on a revision that was signed off.
CREATE FUNCTION refuse_seal_of_unsigned_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM report_revision WHERE id = NEW.revision_id AND signed_at IS NOT NULL) THEN
        RAISE EXCEPTION 'report revision % is not signed off: only a signed-off report is sealed', NEW.revision_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER report_seal_signed_only
    BEFORE INSERT ON report_seal
    FOR EACH ROW EXECUTE FUNCTION refuse_seal_of_unsigned_revision();
