package vn.motcua.report.document;

import java.time.LocalDate;
import java.util.function.Consumer;

/** Dossiers listed in an appendix, streamed in order: the renderer never holds the whole list. */
@FunctionalInterface
public interface DossierList {

    void forEach(Consumer<Listed> action);

    /**
     * One line of the list.
     *
     * @param finished  the finish date, null while pending at the cutoff
     * @param daysLate  calendar days past the due date: at the finish date, or at the cutoff while pending
     * @param apologyOn the apology letter's date when dated by the cutoff, else null
     * @param unit      the handling unit's row in the per-unit table (its name), null for a revision made before units
     */
    record Listed(String code, String field, LocalDate received, LocalDate due, LocalDate finished, long daysLate,
                  LocalDate apologyOn, String unit) {
    }
}
