-- Handling units (Cơ quan / Đơn vị giải quyết): the catalogue's units (jobs/catalogue.yaml), each
-- dossier's unit as its export names it, and each revision's per-unit table.

-- The catalogue's units, in the order of the per-unit table; like fields, retired rather than deleted.
CREATE TABLE unit (
    code       text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
    name       text NOT NULL CHECK (name <> ''),
    sort_order integer NOT NULL,
    retired    boolean NOT NULL DEFAULT false
);
CREATE TABLE unit_alias (
    alias_key text PRIMARY KEY,
    alias     text NOT NULL,
    unit_code text NOT NULL REFERENCES unit (code) ON DELETE CASCADE
);

-- The unit as the export names it (trimmed, NFC, single spaces), or NULL when the export has none. It is
-- matched to the catalogue when a report is run, so a unit added to the catalogue later needs no re-import.
ALTER TABLE dossier ADD COLUMN unit text CHECK (unit <> '');
ALTER TABLE import_dossier ADD COLUMN unit text;

-- A revision's per-unit table: one row per unit with dossiers in scope (the catalogue's units in its order,
-- then the units it does not list, then "Chưa xác định đơn vị"), with the same counters as report_row.
-- unit_code is the catalogue's code, NULL for an unlisted unit (named as imported) and for no unit.
CREATE TABLE report_unit_row (
    revision_id       bigint NOT NULL REFERENCES report_revision (id) ON DELETE CASCADE,
    unit_order        integer NOT NULL,
    unit_code         text,
    unit_name         text NOT NULL,
    total             bigint NOT NULL DEFAULT 0,
    carried_over      bigint NOT NULL DEFAULT 0,
    new_online        bigint NOT NULL DEFAULT 0,
    new_direct        bigint NOT NULL DEFAULT 0,
    new_postal        bigint NOT NULL DEFAULT 0,
    resolved          bigint NOT NULL DEFAULT 0,
    early             bigint NOT NULL DEFAULT 0,
    on_time           bigint NOT NULL DEFAULT 0,
    late              bigint NOT NULL DEFAULT 0,
    pending           bigint NOT NULL DEFAULT 0,
    not_yet_due       bigint NOT NULL DEFAULT 0,
    overdue           bigint NOT NULL DEFAULT 0,
    withdrawn         bigint NOT NULL DEFAULT 0,
    returned          bigint NOT NULL DEFAULT 0,
    late_with_apology bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (revision_id, unit_order)
);
-- Which row each unit name of the revision's dossiers went to ('' for a dossier without a unit), so the
-- lists and explain group a revision's dossiers as its table did.
CREATE TABLE report_unit_name (
    revision_id bigint NOT NULL REFERENCES report_revision (id) ON DELETE CASCADE,
    name        text NOT NULL,
    unit_order  integer NOT NULL,
    PRIMARY KEY (revision_id, name)
);
CREATE TRIGGER report_unit_row_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON report_unit_row
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_rows();
CREATE TRIGGER report_unit_name_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON report_unit_name
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_rows();
