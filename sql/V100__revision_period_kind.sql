-- A revision keeps its period as parsed: its kind and its first and last months beside the name, so that
-- nothing reading it derives them again from the shape of the name.
ALTER TABLE report_revision
    ADD COLUMN period_kind text CHECK (period_kind IN ('MONTH', 'QUARTER', 'HALF', 'NINE_MONTHS', 'YEAR')),
    ADD COLUMN first_month date CHECK (extract(day FROM first_month) = 1),
    ADD COLUMN last_month  date CHECK (extract(day FROM last_month) = 1);

-- Existing revisions, signed ones included: the same period, written out; nothing they report changes.
ALTER TABLE report_revision DISABLE TRIGGER report_revision_frozen;
UPDATE report_revision SET
    period_kind = CASE
        WHEN period ~ '^\d{4}-\d{2}$' THEN 'MONTH'
        WHEN period ~ '^\d{4}-Q[1-4]$' THEN 'QUARTER'
        WHEN period ~ '^\d{4}-6M$' THEN 'HALF'
        WHEN period ~ '^\d{4}-9M$' THEN 'NINE_MONTHS'
        WHEN period ~ '^\d{4}$' THEN 'YEAR' END,
    first_month = CASE
        WHEN period ~ '^\d{4}-\d{2}$' THEN to_date(period || '-01', 'YYYY-MM-DD')
        WHEN period ~ '^\d{4}-Q[1-4]$'
            THEN make_date(left(period, 4)::int, right(period, 1)::int * 3 - 2, 1)
        ELSE make_date(left(period, 4)::int, 1, 1) END,
    last_month = CASE
        WHEN period ~ '^\d{4}-\d{2}$' THEN to_date(period || '-01', 'YYYY-MM-DD')
        WHEN period ~ '^\d{4}-Q[1-4]$' THEN make_date(left(period, 4)::int, right(period, 1)::int * 3, 1)
        WHEN period ~ '^\d{4}-6M$' THEN make_date(left(period, 4)::int, 6, 1)
        WHEN period ~ '^\d{4}-9M$' THEN make_date(left(period, 4)::int, 9, 1)
        ELSE make_date(left(period, 4)::int, 12, 1) END;
ALTER TABLE report_revision ENABLE TRIGGER report_revision_frozen;

ALTER TABLE report_revision
    ALTER COLUMN period_kind SET NOT NULL,
    ALTER COLUMN first_month SET NOT NULL,
    ALTER COLUMN last_month SET NOT NULL,
    ADD CHECK (first_month <= last_month);
