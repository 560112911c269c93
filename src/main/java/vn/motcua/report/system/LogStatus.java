package vn.motcua.report.system;

import java.io.IOException;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
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

    private volatile boolean unwritable;
    private boolean started;

    /**
     * Whether writing the log file has failed in this process (a full disk, a folder that cannot be written), as
     * the LogStatus of the process's logging knows it.
     */
    public static boolean unwritable() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            for (StatusListener listener : logging.getStatusManager().getCopyOfStatusListenerList()) {
                if (listener instanceof LogStatus status && status.unwritable) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether writing the log file has failed, as this listener was told. */
    boolean sawUnwritable() {
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

    /**
     * Keeps whether the log file failed: a write that failed (the file's stream says so), or the appender that
     * could not open it (not started) or met an I/O error.
     */
    @Override
    public void addStatusEvent(Status status) {
        if (status.getLevel() < Status.WARN) {
            return;
        }
        Object origin = status.getOrigin();
        if (origin instanceof ResilientOutputStreamBase
                || origin instanceof FileAppender<?> file && (!file.isStarted() || isIo(status.getThrowable()))) {
            unwritable = true;
        }
    }

    private static boolean isIo(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
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
