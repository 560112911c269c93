package vn.motcua.report.classify;

import java.util.Arrays;

/** The counters of one field (or of all fields), indexed by {@link Counter}. */
public final class Tally {

    private final long[] counts = new long[Counter.values().length];

    public static Tally of(long... values) {
        if (values.length != Counter.values().length) {
            throw new IllegalArgumentException("expected " + Counter.values().length + " counters, got " + values.length);
        }
        Tally t = new Tally();
        System.arraycopy(values, 0, t.counts, 0, values.length);
        return t;
    }

    public void add(Classification c) {
        for (Counter counter : Counter.of(c)) {
            counts[counter.ordinal()]++;
        }
    }

    public void add(Tally other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    public long get(Counter counter) {
        return counts[counter.ordinal()];
    }

    /** Seed form column (5): new dossiers over all channels. */
    public long newReceived() {
        return get(Counter.NEW_ONLINE) + get(Counter.NEW_DIRECT) + get(Counter.NEW_POSTAL);
    }

    /** Seed form column (7): resolved on time, early included. */
    public long onTimeOrEarly() {
        return get(Counter.EARLY) + get(Counter.ON_TIME);
    }

    public long[] toArray() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally t && Arrays.equals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Counter c : Counter.values()) {
            sb.append(sb.length() > 1 ? ", " : "").append(c.column()).append('=').append(get(c));
        }
        return sb.append('}').toString();
    }
}
