package vn.motcua.report.fault;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.system.Fault;

/**
 * Watches, while a command runs, that its database still answers, on a thread and connections of its own
 * ({@link DatabaseProbe}), so that the command's own statements, however long (classify over millions of
 * dossiers, an import's COPY), run without a timeout. When the database has not answered for
 * {@code patience}, or refused twice in a row (the server is gone), the {@link Ending} is called once with
 * the fault to tell: in the command line's process it prints the sentence and ends the process with exit 1.
 */
public final class DatabaseWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

    /** How often the database is asked while it answers, and how long one question may take, at most. */
    static final Duration EVERY = Duration.ofSeconds(5);

    /** How often to ask, and how long a question may take, for a patience: a quarter of it, at most {@link #EVERY}. */
    static Duration every(Duration patience) {
        Duration quarter = patience.dividedBy(4);
        return quarter.compareTo(EVERY) < 0 ? quarter : EVERY;
    }

    /** A refused connection is asked again this soon, and a second refusal ends the command. */
    static final Duration REFUSED_AGAIN = Duration.ofSeconds(1);

    /** What ends the command once the database stopped answering. */
    @FunctionalInterface
    public interface Ending {
        void end(Fault fault);
    }

    private final DatabaseProbe probe;
    private final Fault fault;
    private final Ending ending;
    private final Duration every;
    private final Duration patience;
    private boolean stopped;
    private boolean ended;

    private DatabaseWatch(DatabaseProbe probe, Fault fault, Ending ending, Duration every, Duration patience) {
        this.probe = probe;
        this.fault = fault;
        this.ending = ending;
        this.every = every;
        this.patience = patience;
    }

    static DatabaseWatch start(DatabaseProbe probe, Fault fault, Ending ending, Duration every, Duration patience) {
        DatabaseWatch watch = new DatabaseWatch(probe, fault, ending, every, patience);
        Thread thread = new Thread(watch::watch, "database-watch");
        // Never what keeps the process alive.
        thread.setDaemon(true);
        thread.start();
        return watch;
    }

    private void watch() {
        long lastAnswer = System.nanoTime();
        int refusals = 0;
        while (!isStopped()) {
            DatabaseProbe.Answer answer = probe.ask();
            long now = System.nanoTime();
            switch (answer) {
                case ANSWERS -> {
                    lastAnswer = now;
                    refusals = 0;
                }
                case REFUSED -> refusals++;
                case SILENT -> refusals = 0;
            }
            if (refusals >= 2 || now - lastAnswer >= patience.toNanos()) {
                log.error("The database has not answered for {} s ({}): ending the command",
                        TimeUnit.NANOSECONDS.toSeconds(now - lastAnswer), answer);
                end();
                return;
            }
            pause(answer == DatabaseProbe.Answer.REFUSED ? REFUSED_AGAIN : every);
        }
    }

    /** The ending, once, unless the command ended first. Held while it runs: in a process, it does not return. */
    private synchronized void end() {
        if (stopped) {
            return;
        }
        stopped = true;
        ended = true;
        ending.end(fault);
    }

    /**
     * Stops watching. False when the watch has already ended the command (its sentence is said); in the
     * command line's process that ending halts the process, and this call waits for it.
     */
    public synchronized boolean stop() {
        boolean wasEnded = ended;
        stopped = true;
        notifyAll();
        return !wasEnded;
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private synchronized void pause(Duration time) {
        if (!stopped) {
            try {
                wait(Math.max(1, time.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }
}
