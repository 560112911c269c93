package vn.motcua.report.importing.source;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A CSV file's text as the parser reads it, with the lengths of {@link ImportLimits} checked on the way: each
 * character passes here once, before the parser builds a value of it, so a value of 200 MB or a file without line
 * ends is refused after its first megabytes, not after filling the memory. It follows the quoting as RFC 4180 and the
 * parser do (a quote opens a quoted value only at the value's start, spaces before it allowed; two quotes inside are
 * one), to know where values and records end; lines are counted as an editor shows them.
 */
final class BoundedCsvText extends FilterReader {

    /** Thrown through the parser (which reads a {@link Reader}); {@link CsvSource} turns it into the refusal. */
    static final class TooLong extends IOException {
        private final transient ImportLimits.Exceeded exceeded;

        TooLong(ImportLimits.Exceeded exceeded) {
            super(exceeded.getMessage());
            this.exceeded = exceeded;
        }

        ImportLimits.Exceeded exceeded() {
            return exceeded;
        }
    }

    private enum State { START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final char delimiter;
    private final int valueLimit;
    private final int rowLimit;
    private final int valuesLimit;
    private State state = State.START;
    private long line = 1;
    private boolean afterCr;
    private long recordLine = 1;
    private long valueLine = 1;
    private int value;
    private int record;
    private int column;

    BoundedCsvText(Reader in, char delimiter) {
        this(in, delimiter, ImportLimits.VALUE_CHARS, ImportLimits.ROW_CHARS, ImportLimits.ROW_VALUES);
    }

    BoundedCsvText(Reader in, char delimiter, int valueLimit, int rowLimit, int valuesLimit) {
        super(in);
        this.delimiter = delimiter;
        this.valueLimit = valueLimit;
        this.rowLimit = rowLimit;
        this.valuesLimit = valuesLimit;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            // Most characters only lengthen the value: counted here, measured at the value's end or the chunk's.
            if (c != '\n' && c != '\r' && (state == State.UNQUOTED && c != delimiter || state == State.QUOTED && c != '"')) {
                value++;
                record++;
                afterCr = false;
            } else {
                see(c);
            }
        }
        measure();
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void see(char c) throws TooLong {
        boolean lineEnd = c == '\n' || c == '\r';
        if (lineEnd && !(c == '\n' && afterCr)) {
            line++;
        }
        afterCr = c == '\r';
        if (state == State.QUOTE_IN_QUOTED) {
            if (c == '"') {
                state = State.QUOTED;
                grow(1);
                return;
            }
            state = State.UNQUOTED;   // the quote closed the value; what follows is read as the parser does
        }
        if (state == State.QUOTED) {
            if (c == '"') {
                state = State.QUOTE_IN_QUOTED;
            } else {
                grow(1);
            }
            return;
        }
        if (c == delimiter) {
            measure();
            column++;
            if (column >= valuesLimit) {
                throw new TooLong(new ImportLimits.Exceeded(ImportLimits.Exceeded.What.VALUES, recordLine, -1));
            }
            value = 0;
            valueLine = line;
            state = State.START;
            grow(0);
        } else if (lineEnd) {
            measure();
            record = 0;
            value = 0;
            column = 0;
            recordLine = line;
            valueLine = line;
            state = State.START;
        } else if (c == '"' && state == State.START) {
            state = State.QUOTED;
        } else {
            if (state == State.START && c != ' ' && c != '\t') {
                state = State.UNQUOTED;
            }
            grow(1);
        }
    }

    /** One more character of the current value ({@code chars} 1) or of the record only (0, a separator). */
    private void grow(int chars) throws TooLong {
        value += chars;
        record++;
        measure();
    }

    /** The value and the record so far against their limits. */
    private void measure() throws TooLong {
        if (value > valueLimit) {
            throw new TooLong(new ImportLimits.Exceeded(ImportLimits.Exceeded.What.VALUE, valueLine, column));
        }
        if (record > rowLimit) {
            throw new TooLong(new ImportLimits.Exceeded(ImportLimits.Exceeded.What.LINE, recordLine, -1));
        }
    }
}
