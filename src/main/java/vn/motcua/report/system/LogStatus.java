package vn.motcua.report.system;

import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.recovery.ResilientOutputStreamBase;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;

/**
 * Logback's own news (its "status" messages) never reach the terminal: a log that cannot be written, on a full
 * disk say, would otherwise print a stack trace for each line logged. Declared first in logback-spring.xml, it
 * removes the listeners that print them on the console (Spring Boot registers one), takes their place, and
 * keeps only whether the log file failed, which the command line says in one sentence.
 */
public final class LogStatus extends ContextAwareBase implements StatusListener, LifeCycle {

    private static volatile boolean unwritable;
    private boolean started;

    /** Whether writing the log file has failed in this process (a full disk, a folder that cannot be written). */
    public static boolean unwritable() {
        return unwritable;
    }

    @Override
    public void start() {
        StatusManager statuses = context.getStatusManager();
        for (StatusListener listener : statuses.getCopyOfStatusListenerList()) {
            if (listener instanceof OnConsoleStatusListener console) {
                statuses.remove(console);
                console.stop();
            }
        }
        started = true;
    }

    @Override
    public void addStatusEvent(Status status) {
        Object origin = status.getOrigin();
        if (status.getLevel() >= Status.WARN
                && (origin instanceof FileAppender<?> || origin instanceof ResilientOutputStreamBase)) {
            unwritable = true;
        }
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isStarted() {
        return started;
    }
}
