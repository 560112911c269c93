-- The codes of refused rows of an import being checked, so that a code repeated within a file is reported
-- even when one of its lines is refused for another reason: the clerk fixes every line in one go.
CREATE UNLOGGED TABLE import_refused_code (
    import_id bigint NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    line      integer NOT NULL,
    code      text NOT NULL,
    PRIMARY KEY (import_id, line)
);
