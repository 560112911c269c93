package vn.motcua.report.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import vn.motcua.report.importing.check.Reject;
import vn.motcua.report.importing.check.Reject.Rule;
import vn.motcua.report.importing.source.ImportLayout;
import vn.motcua.report.importing.store.ImportRepository.ImportRecord;
import vn.motcua.report.importing.store.ImportStatus;

/**
 * The outcome of one import: what was stored, or what was refused and why (the first refusals, and how many
 * by rule), where the rejects file is, which reported periods' data this import changed, and the file's
 * columns that were not used (a misspelt optional heading shows up here), how the file was read (sheet,
 * heading rows, rows skipped), and the dossiers stored but not counted (how many, and the first ones).
 *
 * @param unlistedCentres with jobs/centres.yaml, the receiving centres the stored dossiers give that it does not list
 *                        (as received, in name order), with how many dossiers give each; empty without the file.
 *                        The terminal names them as {@code centre.Centres.UNLISTED_MESSAGE} says.
 */
public record ImportSummary(long id, String kind, String fileName, ImportStatus status, int rowsRead, int added,
                            int changed, int unchanged, int refusedRows, List<Reject> rejects,
                            Map<Rule, Integer> refusalsByRule, Path rejectsFile,
                            List<ChangesSince.PeriodChange> changedPeriods, List<String> ignoredHeadings,
                            ImportLayout layout, int notCountedRows, List<String> notCounted,
                            Map<String, Long> unlistedCentres) {

    static ImportSummary of(ImportRecord r, Path rejectsFile, List<ChangesSince.PeriodChange> changedPeriods,
                            List<String> ignoredHeadings, ImportLayout layout, List<String> notCounted,
                            Map<String, Long> unlistedCentres) {
        return new ImportSummary(r.id(), r.kind(), r.fileName(), r.status(), r.rowsRead(), r.added(), r.changed(),
                r.unchanged(), r.refusedRows(), r.rejects(), r.refusalsByRule(), rejectsFile, changedPeriods,
                List.copyOf(ignoredHeadings), layout, r.notCountedRows(), List.copyOf(notCounted),
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unlistedCentres)));
    }

    public boolean stored() {
        return status == ImportStatus.STORED;
    }

    public int refusals() {
        return refusalsByRule.values().stream().mapToInt(Integer::intValue).sum();
    }
}
