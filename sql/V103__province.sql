-- The province's consolidation (a report whose centre is centres.yaml's consolidation code, over every dossier):
-- which revision of each listed centre it cites, and its table by receiving centre.
-- Both hang off the consolidation's revision and are frozen with it once it is signed (V40's generic function).

CREATE TABLE report_cited_centre (
    revision_id        bigint NOT NULL REFERENCES report_revision (id) ON DELETE CASCADE,
    centre             text NOT NULL,
    centre_revision_id bigint NOT NULL REFERENCES report_revision (id),
    -- whether the consolidation's run made that revision (its data changed, or it had none), or cited one made before
    made               boolean NOT NULL,
    PRIMARY KEY (revision_id, centre)
);
CREATE INDEX report_cited_centre_by_centre_revision ON report_cited_centre (centre_revision_id);
CREATE TRIGGER report_cited_centre_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON report_cited_centre
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_rows();

-- One row per receiving centre: a listed centre (centre_code), an unlisted one (its name as stored, normalised
-- by the import), or the dossiers naming none (level 'undetermined').
CREATE TABLE report_centre_row (
    revision_id       bigint NOT NULL REFERENCES report_revision (id) ON DELETE CASCADE,
    centre_order      integer NOT NULL,
    centre_code       text,
    centre_name       text NOT NULL,
    level             text NOT NULL CHECK (level IN ('province', 'branch', 'commune', 'unlisted', 'undetermined')),
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
    PRIMARY KEY (revision_id, centre_order)
);
CREATE TRIGGER report_centre_row_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON report_centre_row
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_signed_rows();
