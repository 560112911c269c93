-- The report's own tables. Dates are Vietnam calendar dates (Asia/Ho_Chi_Minh): date-times are
-- converted when imported, since every counting rule compares calendar dates.

-- The catalogue of fields (lĩnh vực), in the order the report lists them.
CREATE TABLE field (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
    position integer NOT NULL UNIQUE CHECK (position > 0),
    name     text NOT NULL UNIQUE CHECK (name <> '')
);

INSERT INTO field (position, code, name) VALUES
    (1, 'chung-thuc', 'Chứng thực'),
    (2, 'dat-dai', 'Đất đai'),
    (3, 'moi-truong', 'Môi trường'),
    (4, 'giao-duc-dao-tao', 'Giáo dục Đào tạo'),
    (5, 'thi-dua-khen-thuong', 'Thi đua - Khen thưởng'),
    (6, 'ho-tich', 'Hộ tịch'),
    (7, 'giao-dich-bao-dam', 'Giao dịch bảo đảm'),
    (8, 'ho-kinh-doanh', 'Thành lập và hoạt động của Hộ kinh doanh'),
    (9, 'hop-tac-xa', 'Thành lập và hoạt động của Hợp tác xã'),
    (10, 'bao-tro-xa-hoi', 'Bảo trợ xã hội'),
    (11, 'hoat-dong-xay-dung', 'Hoạt động xây dựng'),
    (12, 'chung-minh-nhan-dan', 'Lĩnh vực Cấp, quản lý chứng minh nhân dân'),
    (13, 'nguoi-co-cong', 'TTHC liên thông lĩnh vực Người có công'),
    (14, 'so-bhxh-the-bhyt', 'Cấp sổ BHXH, thẻ BHYT'),
    (15, 'che-do-bhxh', 'Giải quyết chế độ BHXH'),
    (16, 'tai-chinh-dau-tu', 'Tài chính đầu tư'),
    (17, 'dau-tu-xay-dung', 'Đầu tư xây dựng'),
    (18, 'lien-thong-dkkd-hkd-htx', 'TTHC liên thông Đăng ký Hộ kinh doanh, HTX và Đăng ký mã số thuế');

-- Each import of a file, so every stored dossier can be traced to where it came from.
CREATE TABLE import_batch (
    id          bigserial PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('dossiers', 'transfers')),
    file_name   text NOT NULL,
    sha256      text NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    rows_read   integer NOT NULL DEFAULT 0,
    added       integer NOT NULL DEFAULT 0,
    changed     integer NOT NULL DEFAULT 0,
    unchanged   integer NOT NULL DEFAULT 0,
    refused     integer NOT NULL DEFAULT 0,
    status      text NOT NULL DEFAULT 'STARTED' CHECK (status IN ('STARTED', 'STORED', 'REFUSED'))
);

CREATE TABLE dossier (
    id           bigserial PRIMARY KEY,
    code         text NOT NULL UNIQUE CHECK (code <> ''),
    field_code   text NOT NULL REFERENCES field (code),
    procedure    text NOT NULL DEFAULT '',
    channel      text NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
    received_on  date NOT NULL,
    due_on       date,
    finished_on  date,
    outcome      text CHECK (outcome IN ('resolved', 'withdrawn', 'returned')),
    paused_from  date,
    paused_until date,
    apology_on   date,
    import_id    bigint REFERENCES import_batch (id),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((finished_on IS NULL) = (outcome IS NULL)),
    CHECK (due_on IS NULL OR due_on >= received_on),
    CHECK (finished_on IS NULL OR finished_on >= received_on),
    CHECK (paused_until IS NULL OR paused_from IS NOT NULL),
    CHECK (paused_from IS NULL OR paused_from >= received_on),
    CHECK (paused_until IS NULL OR paused_until >= paused_from),
    CHECK (paused_from IS NULL OR finished_on IS NULL OR paused_from <= finished_on),
    CHECK (paused_until IS NULL OR finished_on IS NULL OR paused_until <= finished_on),
    CHECK (paused_from IS NULL OR paused_until IS NOT NULL OR finished_on IS NULL),
    CHECK (apology_on IS NULL OR apology_on >= received_on)
);

-- Transfers of a dossier between levels by the public postal service (liên thông).
-- The dossier may belong to another level's system, so the code is not a foreign key.
CREATE TABLE transfer (
    id           bigserial PRIMARY KEY,
    dossier_code text NOT NULL CHECK (dossier_code <> ''),
    from_level   text NOT NULL CHECK (from_level IN ('commune', 'district', 'province')),
    to_level     text NOT NULL CHECK (to_level IN ('commune', 'district', 'province')),
    sent_on      date NOT NULL,
    import_id    bigint REFERENCES import_batch (id),
    CHECK (from_level <> to_level),
    UNIQUE (dossier_code, from_level, to_level, sent_on)
);

-- One revision of one period's report. Revision 1 is the first run; a correction is a new revision.
CREATE TABLE report_revision (
    id               bigserial PRIMARY KEY,
    period           text NOT NULL,
    revision         integer NOT NULL CHECK (revision > 0),
    cutoff           text NOT NULL,
    start_on         date NOT NULL,
    end_on           date NOT NULL,
    status           text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    reason           text,
    job_execution_id bigint,
    created_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz,
    CHECK (start_on <= end_on),
    UNIQUE (period, revision)
);

-- The per-field counters of one revision. Names follow the current national form (Biểu 06):
-- on_time excludes early; the seed form's "(7) on time" is early + on_time.
CREATE TABLE report_row (
    revision_id       bigint NOT NULL REFERENCES report_revision (id) ON DELETE CASCADE,
    field_code        text NOT NULL REFERENCES field (code),
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
    PRIMARY KEY (revision_id, field_code)
);

-- How one revision classified each dossier in scope, so a cell can be explained and revisions compared.
CREATE TABLE report_dossier (
    revision_id bigint NOT NULL REFERENCES report_revision (id) ON DELETE CASCADE,
    dossier_id  bigint NOT NULL REFERENCES dossier (id),
    field_code  text NOT NULL,
    intake      text NOT NULL CHECK (intake IN ('CARRIED_OVER', 'NEW_ONLINE', 'NEW_DIRECT', 'NEW_POSTAL')),
    result      text NOT NULL CHECK (result IN ('EARLY', 'ON_TIME', 'LATE', 'NOT_YET_DUE', 'OVERDUE')),
    outcome     text,
    apology     boolean NOT NULL,
    PRIMARY KEY (revision_id, dossier_id)
);

-- Rows of an import being checked. A file is stored all at once, only when none of its rows is
-- refused, so nothing of a bad file ever reaches dossier or transfer.
CREATE TABLE import_dossier (
    import_id    bigint NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    line         integer NOT NULL,
    code         text NOT NULL,
    field_code   text NOT NULL,
    procedure    text NOT NULL,
    channel      text NOT NULL,
    received_on  date NOT NULL,
    due_on       date,
    finished_on  date,
    outcome      text,
    paused_from  date,
    paused_until date,
    apology_on   date,
    PRIMARY KEY (import_id, line)
);

CREATE TABLE import_transfer (
    import_id    bigint NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    line         integer NOT NULL,
    dossier_code text NOT NULL,
    from_level   text NOT NULL,
    to_level     text NOT NULL,
    sent_on      date NOT NULL,
    PRIMARY KEY (import_id, line)
);

-- Why rows of an import were refused: line, column, value and reason, for the clerk to fix.
CREATE TABLE import_reject (
    import_id bigint NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    line      integer NOT NULL,
    col       text NOT NULL,
    value     text,
    reason    text NOT NULL
);
CREATE INDEX import_reject_by_import ON import_reject (import_id, line);
