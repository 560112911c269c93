-- An import whose process ended before the import did (killed, out of memory, a power cut) stored nothing: its rows
-- went with its own transaction. The next command marks it INTERRUPTED, once no live process holds its advisory lock
-- (dossier/ImportRepository.markInterrupted), so that no import stays STARTED for good.
ALTER TABLE import_batch DROP CONSTRAINT import_batch_status_check;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_status_check
    CHECK (status IN ('STARTED', 'STORED', 'REFUSED', 'INTERRUPTED'));
