package vn.motcua.report.importing;

import java.util.List;

/**
 * Which periods' reports an import made out of date. The import asks; the revision room, which owns the
 * reports, answers ({@code revision/ChangedDossiers}), so the import never reads the report's tables.
 */
public interface ChangesSince {

    /** One period whose latest completed revision no longer matches the data: {@code dossiers} changed since it read them. */
    record PeriodChange(String period, int revision, long dossiers) {
    }

    /**
     * The periods whose latest completed revision no longer matches the data because of import {@code importId}
     * (it added or changed a dossier in their scope after the revision read the data), each with every dossier
     * changed since.
     */
    List<PeriodChange> touchedBy(long importId);
}
