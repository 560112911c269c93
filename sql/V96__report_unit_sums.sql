-- A revision's sums by unit name as the export gave it ('' for a dossier without one), with the counters of
-- report_row. The classify step adds each chunk's sums here in the chunk's own transaction, as it adds the sums by
-- field to report_row, so a restart resumes with exactly the committed chunks' sums; the check step and the table
-- by unit (report_unit_row) read them from here.
CREATE TABLE report_unit_sum (
    revision_id       bigint NOT NULL REFERENCES report_revision (id) ON DELETE CASCADE,
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
    PRIMARY KEY (revision_id, unit_name)
);
CREATE TRIGGER report_unit_sum_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON report_unit_sum
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_rows();
