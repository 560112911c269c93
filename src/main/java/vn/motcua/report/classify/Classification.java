package vn.motcua.report.classify;

import vn.motcua.report.dossier.Outcome;

/**
 * The cell a dossier falls in for one period. {@code outcome} is the dossier's outcome when it was
 * resolved in the period (so withdrawn and returned can be tallied on their own), else null.
 * {@code apology} is true when the dossier had an apology letter by the period's end.
 */
public record Classification(long dossierId, String field, Intake intake, Result result,
                             Outcome outcome, boolean apology) {
}
