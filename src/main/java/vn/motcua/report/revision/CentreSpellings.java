package vn.motcua.report.revision;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receiving centres as dossiers store them ({@code dossier.centre}, as the exports wrote them) that are one listed
 * centre, by its code: a centre's report reads the dossiers whose stored centre is one of these. The rooms above, which
 * read jobs/centres.yaml, answer it.
 */
public interface CentreSpellings {

    /** The stored spellings of the centre of this code; none when no centre of that code is listed (now). */
    List<String> of(String centreCode);

    /** Every receiving centre as dossiers store it, listed or not (not the dossiers that name none); none here. */
    default List<String> stored() {
        return List.of();
    }

    /** The stored spellings of each of these centres, by code (as {@link #of}, in one look at the stored centres). */
    default Map<String, List<String>> of(Collection<String> centreCodes) {
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        centreCodes.forEach(code -> spellings.put(code, of(code)));
        return spellings;
    }

    /** Whether a report of this centre reads every dossier: report.yaml's centre ('') and the consolidation. */
    default boolean everyDossier(String centreCode) {
        return centreCode.isEmpty();
    }

    /** The stored spellings a report of this centre reads; null when it reads every dossier ({@link #everyDossier}). */
    default List<String> scope(String centreCode) {
        return everyDossier(centreCode) ? null : of(centreCode);
    }
}
