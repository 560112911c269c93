package vn.motcua.report.classify;

/** A dossier's cell and its handling unit as the export named it ('' for none), as the classify step writes them. */
public record ClassifiedDossier(Classification classification, String unit) {
}
