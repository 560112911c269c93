package vn.motcua.report.dossier;

import java.io.PrintStream;

import org.springframework.stereotype.Component;

/**
 * Shows how far a long import has got: a line on the operator's error stream every few seconds, with the
 * rows read, the share of the file (when known) and the speed. Quiet for files read in a few seconds.
 */
@Component
public class ImportProgress {

    private static final long EVERY_NANOS = 3_000_000_000L;

    private PrintStream out;
    private long start;
    private long lastShown;
    private boolean shown;

    /** Progress of the next imports goes to {@code out} (null: nowhere). */
    public void showOn(PrintStream out) {
        this.out = out;
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
            out.printf("  %,d rows read%s, %,d rows/s%n", rows,
                    fraction < 0 ? "" : String.format(" (%d%%)", (int) Math.floor(fraction * 100)),
                    Math.round(rows / ((now - start) / 1e9)));
        }
    }

    /** Says what happens next when the operator has been watching (storing a large file takes a while too). */
    void phase(String text) {
        if (out != null && shown) {
            out.printf("  %s (%.1f s so far)%n", text, (System.nanoTime() - start) / 1e9);
        }
    }
}
