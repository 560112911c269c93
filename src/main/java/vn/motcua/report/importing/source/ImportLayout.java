package vn.motcua.report.importing.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a file was read, for the import's summary: the sheet taken (and the workbook's others), the rows taken as
 * the heading, and the rows skipped as not dossiers, by kind, with their line numbers.
 *
 * @param sheet       the sheet read, or null for a CSV file
 * @param otherSheets the workbook's other sheets
 * @param rowWord     "line" (CSV) or "row" (a sheet)
 * @param skipped     per kind of row skipped ({@link Skip}), how many and which lines ("12, 30–31, …")
 */
public record ImportLayout(String sheet, List<String> otherSheets, long headingFirst, long headingLast, String rowWord,
                           Map<Skip, Lines> skipped) {

    /** Rows that are not dossiers. */
    public enum Skip {
        BLANK, GROUP, FOOTER, NUMBERING
    }

    /** Line numbers, as ranges, the first few only. */
    public static final class Lines {
        private static final int SHOWN = 12;
        private long count;
        private long runStart = -1;
        private long runEnd = -1;
        private int runs;
        private final StringBuilder text = new StringBuilder();

        void add(long line) {
            count++;
            if (line == runEnd + 1 && runStart >= 0) {
                runEnd = line;
                return;
            }
            flush();
            runStart = line;
            runEnd = line;
        }

        private void flush() {
            if (runStart < 0) {
                return;
            }
            runs++;
            if (runs <= SHOWN) {
                text.append(text.isEmpty() ? "" : ", ").append(runStart).append(runEnd > runStart ? "–" + runEnd : "");
            } else if (runs == SHOWN + 1) {
                text.append(", …");
            }
            runStart = -1;
        }

        public long count() {
            return count;
        }

        /** "12, 30–31, …" */
        public String text() {
            StringBuilder t = new StringBuilder(text);
            if (runStart >= 0) {
                if (runs < SHOWN) {
                    t.append(t.isEmpty() ? "" : ", ").append(runStart).append(runEnd > runStart ? "–" + runEnd : "");
                } else if (runs == SHOWN) {
                    t.append(", …");
                }
            }
            return t.toString();
        }
    }

    static Map<Skip, Lines> noneSkipped() {
        Map<Skip, Lines> m = new LinkedHashMap<>();
        for (Skip s : Skip.values()) {
            m.put(s, new Lines());
        }
        return m;
    }

    public long skippedRows() {
        return skipped.values().stream().mapToLong(Lines::count).sum();
    }
}
