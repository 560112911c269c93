-- Which field each procedure belongs to (jobs/catalogue.yaml's procedures), by its national code (Mã TTHC)
-- or its name, each by its comparison key (NFC, single spaces, lower case): an export without a field
-- column is read through it.
CREATE TABLE procedure_field (
    procedure_key text PRIMARY KEY,
    procedure     text NOT NULL,
    field_code    text NOT NULL REFERENCES field (code) ON DELETE CASCADE
);
