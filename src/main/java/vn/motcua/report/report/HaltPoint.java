package vn.motcua.report.report;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the process test only: with {@code -Dmotcua.test.halt-at=POINT} the JVM halts at once when the job
 * reaches that point, as kill -9 would stop it (no shutdown hook, no rollback but the database's own).
 * Points: {@code before-job} (the revision reserved, no job instance yet), {@code classify} (the second
 * chunk being written), {@code check}, {@code document} (the PDF written, the step not committed),
 * {@code after-last-step} (every step committed, the execution not ended), {@code after-job} (the
 * execution COMPLETED, the revision not yet). Without the property nothing happens.
 */
final class HaltPoint {

    static final String PROPERTY = "motcua.test.halt-at";

    private static final Logger log = LoggerFactory.getLogger(HaltPoint.class);
    private static final AtomicInteger classifyChunks = new AtomicInteger();

    private HaltPoint() {
    }

    static void reached(String point) {
        String haltAt = System.getProperty(PROPERTY);
        if (haltAt == null || !haltAt.equals(point)) {
            return;
        }
        // In classify, the first chunk may commit: a restart then has work done and work left.
        if (point.equals("classify") && classifyChunks.incrementAndGet() < 2) {
            return;
        }
        log.warn("{}={}: halting the JVM here, as kill -9 would", PROPERTY, point);
        Runtime.getRuntime().halt(137);
    }
}
