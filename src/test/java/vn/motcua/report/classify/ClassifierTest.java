package vn.motcua.report.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.report.dossier.Channel;
import vn.motcua.report.dossier.Dossier;
import vn.motcua.report.dossier.Outcome;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.period.VietnamTime;

/**
 * The counting rules of docs/counting.md, one test per rule, on period 2021-02 with cutoff 25:
 * S = 26/01/2021, E = 25/02/2021.
 */
class ClassifierTest {

    private static final Period FEB = Period.of("2021-02", CutoffDay.parse("25"));
    private static final Classifier classifier = new Classifier(FEB);

    /** A dossier built from text dates as the import reads them ("" = absent). */
    private static Dossier dossier(Channel channel, String received, String due, String finished, Outcome outcome,
                                   String pausedFrom, String pausedUntil, String apology) {
        return new Dossier(1, "HS-1", "dat-dai", channel, d(received), d(due), d(finished), outcome,
                d(pausedFrom), d(pausedUntil), d(apology));
    }

    private static Dossier resolved(String received, String due, String finished) {
        return dossier(Channel.DIRECT, received, due, finished, Outcome.RESOLVED, "", "", "");
    }

    private static Dossier open(String received, String due) {
        return dossier(Channel.DIRECT, received, due, "", null, "", "", "");
    }

    private static LocalDate d(String text) {
        return text.isEmpty() ? null : VietnamTime.dateOf(text);
    }

    private static Result result(Dossier d) {
        return classifier.classify(d).orElseThrow().result();
    }

    private static Intake intake(Dossier d) {
        return classifier.classify(d).orElseThrow().intake();
    }

    @Test
    void rule1_outOfPeriod_receivedAfterEnd() {
        assertThat(classifier.classify(open("2021-02-26", "2021-03-05"))).isEmpty();
        assertThat(classifier.classify(open("2021-02-25", "2021-03-05"))).isPresent();
    }

    @Test
    void rule1_outOfPeriod_finishedBeforeStart() {
        assertThat(classifier.classify(resolved("2021-01-10", "2021-01-20", "2021-01-25"))).isEmpty();
        assertThat(classifier.classify(resolved("2021-01-10", "2021-01-20", "2021-01-26"))).isPresent();
    }

    @Test
    void rule1_boundariesComparedAsVietnamDates_dateTimeAndOffsets() {
        // 20:00Z on 25/02 is 03:00 on 26/02 in Vietnam: received after E.
        assertThat(classifier.classify(open("2021-02-25T20:00Z", "2021-03-05"))).isEmpty();
        // 16:30Z on 25/02 is 23:30 on 25/02 in Vietnam: in the period.
        assertThat(classifier.classify(open("2021-02-25T16:30Z", "2021-03-05"))).isPresent();
        // Finished 25/01 at 23:59 local: before S whatever the hour.
        assertThat(classifier.classify(resolved("2021-01-10", "2021-01-30", "2021-01-25T23:59"))).isEmpty();
        // Finished 25/01 at 18:00Z = 26/01 01:00 local: in the period.
        assertThat(classifier.classify(resolved("2021-01-10", "2021-01-30", "2021-01-25T18:00Z"))).isPresent();
    }

    @Test
    void rule2_carriedOver_receivedBeforeStart() {
        assertThat(intake(open("2021-01-25", "2021-03-01"))).isEqualTo(Intake.CARRIED_OVER);
        assertThat(intake(open("2020-11-02", "2021-03-01"))).isEqualTo(Intake.CARRIED_OVER);
    }

    @Test
    void rule2_new_receivedInPeriod_splitByChannel() {
        assertThat(intake(dossier(Channel.ONLINE, "2021-01-26", "2021-03-01", "", null, "", "", "")))
                .isEqualTo(Intake.NEW_ONLINE);
        assertThat(intake(dossier(Channel.DIRECT, "2021-02-10", "2021-03-01", "", null, "", "", "")))
                .isEqualTo(Intake.NEW_DIRECT);
        assertThat(intake(dossier(Channel.POSTAL, "2021-02-25", "2021-03-01", "", null, "", "", "")))
                .isEqualTo(Intake.NEW_POSTAL);
    }

    @Test
    void rule3_resolvedInPeriod_early_onTime_late() {
        assertThat(result(resolved("2021-02-01", "2021-02-10", "2021-02-09"))).isEqualTo(Result.EARLY);
        assertThat(result(resolved("2021-02-01", "2021-02-10", "2021-02-10"))).isEqualTo(Result.ON_TIME);
        assertThat(result(resolved("2021-02-01", "2021-02-10", "2021-02-11"))).isEqualTo(Result.LATE);
        // Finished on E itself is resolved in the period.
        assertThat(result(resolved("2021-02-01", "2021-02-25", "2021-02-25"))).isEqualTo(Result.ON_TIME);
    }

    @Test
    void rule3_resolvedWithoutDueDate_isOnTime() {
        assertThat(result(resolved("2021-02-01", "", "2021-02-20"))).isEqualTo(Result.ON_TIME);
    }

    @Test
    void rule3_lateness_comparesCalendarDatesNotHours() {
        // Due 10/02, finished 10/02 at 23:00: on time.
        assertThat(result(resolved("2021-02-01T08:00", "2021-02-10T17:00", "2021-02-10T23:00"))).isEqualTo(Result.ON_TIME);
        // Finished 10/02 at 18:00Z is 11/02 01:00 in Vietnam: late.
        assertThat(result(resolved("2021-02-01", "2021-02-10", "2021-02-10T18:00Z"))).isEqualTo(Result.LATE);
    }

    @Test
    void rule3_withdrawnAndReturned_countAsResolvedOnTime_andAreTalliedOnTheirOwn() {
        Dossier withdrawn = dossier(Channel.DIRECT, "2021-02-01", "2021-02-05", "2021-02-20", Outcome.WITHDRAWN, "", "", "");
        Dossier returned = dossier(Channel.DIRECT, "2021-02-01", "2021-02-05", "2021-02-20", Outcome.RETURNED, "", "", "");
        Tally t = new Tally();
        for (Dossier d : List.of(withdrawn, returned)) {
            Classification c = classifier.classify(d).orElseThrow();
            assertThat(c.result()).isEqualTo(Result.ON_TIME);
            t.add(c);
        }
        assertThat(t.get(Counter.RESOLVED)).isEqualTo(2);
        assertThat(t.get(Counter.ON_TIME)).isEqualTo(2);
        assertThat(t.get(Counter.LATE)).isZero();
        assertThat(t.get(Counter.WITHDRAWN)).isEqualTo(1);
        assertThat(t.get(Counter.RETURNED)).isEqualTo(1);
    }

    @Test
    void rule4_pending_notYetDue_whenDueOnOrAfterEnd_orNoDueDate() {
        assertThat(result(open("2021-02-01", "2021-02-25"))).isEqualTo(Result.NOT_YET_DUE);
        assertThat(result(open("2021-02-01", "2021-03-10"))).isEqualTo(Result.NOT_YET_DUE);
        assertThat(result(open("2021-02-01", ""))).isEqualTo(Result.NOT_YET_DUE);
    }

    @Test
    void rule4_pending_overdue_whenDueBeforeEnd() {
        assertThat(result(open("2021-02-01", "2021-02-24"))).isEqualTo(Result.OVERDUE);
        assertThat(result(open("2020-12-01", "2021-01-05"))).isEqualTo(Result.OVERDUE);
    }

    @Test
    void rule4_pending_pausedAtEnd_openPause_isNotYetDue() {
        Dossier paused = dossier(Channel.DIRECT, "2021-02-01", "2021-02-10", "", null, "2021-02-08", "", "");
        assertThat(result(paused)).isEqualTo(Result.NOT_YET_DUE);
        // A pause that starts on E counts; one that starts after E does not.
        assertThat(result(dossier(Channel.DIRECT, "2021-02-01", "2021-02-10", "", null, "2021-02-25", "", "")))
                .isEqualTo(Result.NOT_YET_DUE);
        assertThat(result(dossier(Channel.DIRECT, "2021-02-01", "2021-02-10", "", null, "2021-02-26", "", "")))
                .isEqualTo(Result.OVERDUE);
    }

    @Test
    void rule4_pending_pauseClosedAtOrBeforeEnd_isNoLongerAPause() {
        // Closed after E: still paused at E.
        assertThat(result(dossier(Channel.DIRECT, "2021-02-01", "2021-02-10", "", null, "2021-02-08", "2021-02-26", "")))
                .isEqualTo(Result.NOT_YET_DUE);
        // Closed on E: not paused at E (P2 > E is required), so overdue.
        assertThat(result(dossier(Channel.DIRECT, "2021-02-01", "2021-02-10", "", null, "2021-02-08", "2021-02-25", "")))
                .isEqualTo(Result.OVERDUE);
        // Closed before E with due date still ahead: not yet due because of the due date.
        assertThat(result(dossier(Channel.DIRECT, "2021-02-01", "2021-03-01", "", null, "2021-02-08", "2021-02-12", "")))
                .isEqualTo(Result.NOT_YET_DUE);
    }

    @Test
    void rule4_finishedAfterEnd_isPendingInThatPeriod() {
        // Resolved 27/02 (after E), due 20/02: at E it was pending and overdue.
        assertThat(result(resolved("2021-02-01", "2021-02-20", "2021-02-27"))).isEqualTo(Result.OVERDUE);
        // Resolved 27/02, due 01/03: pending, not yet due.
        assertThat(result(resolved("2021-02-01", "2021-03-01", "2021-02-27"))).isEqualTo(Result.NOT_YET_DUE);
        // Withdrawn after E: still pending here, and not tallied as withdrawn.
        Classification c = classifier.classify(dossier(Channel.DIRECT, "2021-02-01", "2021-03-01", "2021-02-27",
                Outcome.WITHDRAWN, "", "", "")).orElseThrow();
        assertThat(c.result()).isEqualTo(Result.NOT_YET_DUE);
        assertThat(c.outcome()).isNull();
        // An open pause on a dossier finished after E (pause closed at finish) is judged at E.
        assertThat(result(dossier(Channel.DIRECT, "2021-02-01", "2021-02-10", "2021-03-02", Outcome.RESOLVED,
                "2021-02-08", "2021-03-01", ""))).isEqualTo(Result.NOT_YET_DUE);
    }

    @Test
    void rule5_apologyLetter_doesNotMakeALateDossierOnTime() {
        Dossier late = dossier(Channel.DIRECT, "2021-02-01", "2021-02-10", "2021-02-15", Outcome.RESOLVED, "", "",
                "2021-02-11");
        Classification c = classifier.classify(late).orElseThrow();
        assertThat(c.result()).isEqualTo(Result.LATE);
        Tally t = new Tally();
        t.add(c);
        assertThat(t.get(Counter.LATE_WITH_APOLOGY)).isEqualTo(1);
        // An apology letter on a dossier that was not late is not counted as one for a late dossier.
        Tally onTime = new Tally();
        onTime.add(classifier.classify(dossier(Channel.DIRECT, "2021-02-01", "2021-02-10", "2021-02-10",
                Outcome.RESOLVED, "", "", "2021-02-09")).orElseThrow());
        assertThat(onTime.get(Counter.LATE_WITH_APOLOGY)).isZero();
    }

    @Test
    void apologyLetter_countsOnlyWhenIssuedByTheEndOfThePeriod() {
        Dossier letterOnE = dossier(Channel.DIRECT, "2021-02-01", "2021-02-10", "2021-02-15", Outcome.RESOLVED, "", "",
                "2021-02-25");
        Dossier letterAfterE = dossier(Channel.DIRECT, "2021-02-01", "2021-02-10", "2021-02-15", Outcome.RESOLVED, "", "",
                "2021-02-26");
        assertThat(classifier.classify(letterOnE).orElseThrow().apology()).isTrue();
        assertThat(classifier.classify(letterAfterE).orElseThrow().apology()).isFalse();
    }

    @Test
    void rePastPeriod_givesTheStateAtThatCutoff_whateverHappenedLater() {
        // Received 20/01, finished 10/02 late. January (26/12..25/01): pending, not yet due (due 01/02).
        Dossier d = resolved("2021-01-20", "2021-02-01", "2021-02-10");
        Classifier january = new Classifier(Period.of("2021-01", CutoffDay.parse("25")));
        Optional<Classification> inJanuary = january.classify(d);
        assertThat(inJanuary).isPresent();
        assertThat(inJanuary.get().result()).isEqualTo(Result.NOT_YET_DUE);
        assertThat(inJanuary.get().intake()).isEqualTo(Intake.NEW_DIRECT);
        // February: carried over, resolved late.
        assertThat(intake(d)).isEqualTo(Intake.CARRIED_OVER);
        assertThat(result(d)).isEqualTo(Result.LATE);
    }
}
