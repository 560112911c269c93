package vn.motcua.report.importing;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import vn.motcua.report.importing.store.ImportRepository;

/**
 * Every command, once the database is up and before it runs, marks INTERRUPTED the imports a killed process left
 * STARTED ({@link ImportRepository#markInterrupted}): the import history never shows a dead import as under way.
 */
@Component
class InterruptedImports {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final ImportRepository imports;

    InterruptedImports(ImportRepository imports) {
        this.imports = imports;
    }

    @EventListener(ApplicationStartedEvent.class)
    void markAtStart() {
        try {
            List<Long> marked = imports.markInterrupted();
            if (!marked.isEmpty()) {
                log.warn("imports {} were left STARTED by a process that ended: marked INTERRUPTED", marked);
            }
        } catch (DataAccessException e) {
            // The command itself says what is wrong with the database, if anything: this is only housekeeping.
            log.warn("could not look for interrupted imports", e);
        }
    }
}
