package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.classify.Classifier;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.dossier.Channel;
import vn.motcua.report.dossier.Dossier;
import vn.motcua.report.dossier.Outcome;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;

/**
 * The two independent implementations of the counting rules (the Java {@link Classifier} and the SQL of
 * {@link IndependentRecount}) agree on random dossiers crowded around period boundaries, for many periods and cutoffs.
 */
class SqlAggregateAgreesWithClassifierTest extends DatabaseTest {

    @Autowired
    IndependentRecount independentRecount;

    @Test
    void sameTablesOnRandomDossiers() {
        Random random = new Random(20210225);
        String[] fields = {"dat-dai", "ho-tich", "bao-tro-xa-hoi"};
        LocalDate base = LocalDate.of(2020, 12, 1);
        List<Dossier> dossiers = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            LocalDate received = base.plusDays(random.nextInt(150));
            LocalDate due = random.nextInt(10) == 0 ? null : received.plusDays(random.nextInt(30));
            boolean finished = random.nextInt(10) < 7;
            LocalDate finishedOn = finished ? received.plusDays(random.nextInt(40)) : null;
            Outcome outcome = !finished ? null
                    : switch (random.nextInt(10)) { case 0 -> Outcome.WITHDRAWN; case 1 -> Outcome.RETURNED; default -> Outcome.RESOLVED; };
            LocalDate pausedFrom = null;
            LocalDate pausedUntil = null;
            if (random.nextInt(5) == 0) {
                pausedFrom = received.plusDays(random.nextInt(10));
                if (finishedOn != null && pausedFrom.isAfter(finishedOn)) {
                    pausedFrom = finishedOn;
                }
                if (finishedOn != null || random.nextBoolean()) {
                    pausedUntil = pausedFrom.plusDays(random.nextInt(15));
                    if (finishedOn != null && pausedUntil.isAfter(finishedOn)) {
                        pausedUntil = finishedOn;
                    }
                }
            }
            LocalDate apology = random.nextInt(8) == 0 ? received.plusDays(random.nextInt(60)) : null;
            Channel channel = Channel.values()[random.nextInt(3)];
            String field = fields[random.nextInt(fields.length)];
            dossiers.add(new Dossier(0, "R" + i, field, channel, received, due, finishedOn, outcome, pausedFrom,
                    pausedUntil, apology));
            rows.add(new Object[] {"R" + i, field, channel.code(), received, due, finishedOn,
                    outcome == null ? null : outcome.code(), pausedFrom, pausedUntil, apology});
        }
        jdbc.batchUpdate("""
                INSERT INTO dossier (code, field_code, channel, received_on, due_on, finished_on, outcome,
                                     paused_from, paused_until, apology_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);

        int compared = 0;
        for (String cutoff : new String[] {"14", "25", "last", "30"}) {
            for (String name : new String[] {"2021-01", "2021-02", "2021-03", "2021-Q1", "2021-02"}) {
                Period period = Period.of(name, CutoffDay.parse(cutoff));
                Classifier classifier = new Classifier(period);
                Map<String, Tally> java = new HashMap<>();
                for (Dossier d : dossiers) {
                    classifier.classify(d).ifPresent(c -> java.computeIfAbsent(c.field(), f -> new Tally()).add(c));
                }
                Map<String, Tally> sql = independentRecount.byField(period);
                assertThat(sql).as("%s cutoff %s", name, cutoff).isEqualTo(java);
                java.values().forEach(t -> assertThat(Identities.violations(name, t)).isEmpty());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(20);
    }
}
