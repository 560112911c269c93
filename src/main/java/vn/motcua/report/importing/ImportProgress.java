package vn.motcua.report.importing;

import java.io.PrintStream;

import org.springframework.stereotype.Component;

import vn.motcua.report.system.Messages;

/**
 * Shows how far a long import has got: a line on the operator's error stream every few seconds, with the
 * rows read, the share of the file (when known) and the speed. Quiet for files read in a few seconds.
 */
@Component
public class ImportProgress {

    private static final long EVERY_NANOS = 3_000_000_000L;

    private PrintStream out;
    private Messages messages;
    private long start;
    private long lastShown;
    private boolean shown;

    /** Progress of the next imports goes to {@code out} (null: nowhere), in the terminal's language. */
    public void showOn(PrintStream out, Messages messages) {
        this.out = out;
        this.messages = messages;
    }

    void started() {
        start = System.nanoTime();
        lastShown = start;
        shown = false;
    }

    /** @param fraction the share of the file read, 0..1, or a negative number when unknown */
    void read(long rows, double fraction) {
        if (out == null || (rows & 1023) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastShown >= EVERY_NANOS) {
            lastShown = now;
            shown = true;
            long perSecond = Math.round(rows / ((now - start) / 1e9));
            out.println(fraction < 0 ? messages.text("import.progress.read", rows, perSecond)
                    : messages.text("import.progress.read-share", rows, (int) Math.floor(fraction * 100), perSecond));
        }
    }

    /** Says that the rows are being stored, when the operator has been watching (a large file takes a while). */
    void storing() {
        if (out != null && shown) {
            out.println(messages.text("import.progress.storing", (System.nanoTime() - start) / 1e9));
        }
    }
}
