package vn.motcua.report.classify;

/**
 * A dossier's cell, its handling unit as the export named it ('' for none) and its receiving centre as stored ('' for
 * none), as the classify steps write them.
 */
public record ClassifiedDossier(Classification classification, String unit, String centre) {
}
