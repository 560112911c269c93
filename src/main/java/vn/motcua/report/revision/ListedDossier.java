package vn.motcua.report.revision;

import java.time.LocalDate;

/**
 * A dossier a revision counted resolved late or pending overdue, as the document's list shows it.
 *
 * @param field     the field's catalogue name
 * @param finished  the finish date, null while pending at the cutoff
 * @param daysLate  calendar days past the due date: at the finish date, or at the cutoff while pending
 * @param apologyOn the apology letter's date when dated by the cutoff, else null
 * @param unit      the handling unit's row in the revision's table by unit (its name); null for a revision
 *                  made before units were counted
 * @param centreRow in a consolidation's lists, the number of the receiving centre's row in the revision's table by
 *                  centre (its order in {@link CentreTable#rows()}, from 1); null in a single centre's lists
 * @param unitInCentre in a consolidation's lists, how many dossiers of the whole list (not only of those shown) the
 *                  same centre received for the same unit; null in a single centre's lists
 */
public record ListedDossier(String code, String field, LocalDate received, LocalDate due, LocalDate finished,
                            long daysLate, LocalDate apologyOn, String unit, Integer centreRow, Long unitInCentre) {

    /** A dossier of a single centre's lists, which are not grouped by centre. */
    public ListedDossier(String code, String field, LocalDate received, LocalDate due, LocalDate finished,
                         long daysLate, LocalDate apologyOn, String unit) {
        this(code, field, received, due, finished, daysLate, apologyOn, unit, null, null);
    }
}
