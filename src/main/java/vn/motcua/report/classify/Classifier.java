package vn.motcua.report.classify;

import java.time.LocalDate;
import java.util.Optional;

import vn.motcua.report.dossier.Dossier;
import vn.motcua.report.dossier.Outcome;
import vn.motcua.report.period.Period;

/**
 * The counting rules of docs/counting.md, one dossier at a time, for a period S..E (calendar dates, inclusive).
 * Pure: no clock, no database. Rule numbers below are those of docs/counting.md ("Per dossier, for a period S..E").
 */
public final class Classifier {

    private final LocalDate start;
    private final LocalDate end;

    public Classifier(Period period) {
        this.start = period.start();
        this.end = period.end();
    }

    /** The dossier's cell in the period, or empty when it is out of the period (rule 1). */
    public Optional<Classification> classify(Dossier d) {
        LocalDate f = d.finished();
        // Rule 1: out of the period if received after E or finished before S.
        if (d.received().isAfter(end) || (f != null && f.isBefore(start))) {
            return Optional.empty();
        }
        Intake intake = intake(d);
        // Rule 3 vs 4: resolved in the period only if finished on or before E; a later finish is pending here.
        boolean resolvedInPeriod = f != null && !f.isAfter(end);
        Result result = resolvedInPeriod ? resolved(d) : pending(d);
        Outcome outcome = resolvedInPeriod ? d.outcome() : null;
        // The state at E: a letter issued after E did not exist yet.
        boolean apology = d.apology() != null && !d.apology().isAfter(end);
        return Optional.of(new Classification(d.id(), d.field(), intake, result, outcome, apology));
    }

    /** Rule 2: carried over if received before S, else new by channel. */
    private Intake intake(Dossier d) {
        if (d.received().isBefore(start)) {
            return Intake.CARRIED_OVER;
        }
        return switch (d.channel()) {
            case ONLINE -> Intake.NEW_ONLINE;
            case DIRECT -> Intake.NEW_DIRECT;
            case POSTAL -> Intake.NEW_POSTAL;
        };
    }

    /** Rule 3 (and 5: lateness is judged against the statutory due date, apology letters change nothing). */
    private static Result resolved(Dossier d) {
        if (d.outcome() == Outcome.WITHDRAWN || d.outcome() == Outcome.RETURNED || d.due() == null) {
            return Result.ON_TIME;
        }
        int c = d.finished().compareTo(d.due());
        return c < 0 ? Result.EARLY : c == 0 ? Result.ON_TIME : Result.LATE;
    }

    /** Rule 4: not yet due if due on or after E, no due date, or paused at E; overdue otherwise. */
    private Result pending(Dossier d) {
        if (d.due() == null || !d.due().isBefore(end) || pausedAtEnd(d)) {
            return Result.NOT_YET_DUE;
        }
        return Result.OVERDUE;
    }

    private boolean pausedAtEnd(Dossier d) {
        return d.pausedFrom() != null && !d.pausedFrom().isAfter(end)
                && (d.pausedUntil() == null || d.pausedUntil().isAfter(end));
    }
}
