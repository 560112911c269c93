package vn.motcua.report.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a file could not be written because the disk holding its folder is full, and the fault that says so. */
public final class FullDisk {

    /**
     * Below this much usable space a file system counts as full: a report's PDF or workbook no longer fits.
     * Asked of the file system itself, since the system's text for ENOSPC is translated on some machines.
     */
    static final long NEARLY_NOTHING = 1L << 20;

    private FullDisk() {
    }

    /** Whether the disk being full explains a failed write into {@code folder}; ask before removing what was written. */
    public static boolean explains(Throwable failure, Path folder) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (t instanceof IOException && message != null
                    && (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return usableSpace(folder) < NEARLY_NOTHING;
    }

    /** "The disk holding FOLDER is full": what to do is free space there or write elsewhere, then run the command again. */
    public static Fault fault(Throwable cause, Path folder) {
        return new Fault(cause, "fault.disk-full", folder.toAbsolutePath().normalize());
    }

    /** The usable space of the file system holding {@code folder} (or its nearest existing parent). */
    static long usableSpace(Path folder) {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace();
                } catch (IOException e) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return Long.MAX_VALUE;
    }
}
