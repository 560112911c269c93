package vn.motcua.report.report;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

import vn.motcua.report.classify.Classification;
import vn.motcua.report.classify.Tally;

/**
 * The counters of one classify worker's dossiers by unit name (as stored, '' for none), summed as the chunks
 * are written and kept in the worker's execution context: Spring Batch saves it with each chunk, in the
 * chunk's transaction, so a restart resumes with the sums of exactly the committed chunks. The writeTable
 * step makes the table by unit from them ({@link ClassifyStep#unitSums}), without a second pass.
 */
final class UnitSums implements ItemStream {

    static final String KEY = "unitSums";

    private final Map<String, Tally> byName = new HashMap<>();

    void add(String unit, Classification c) {
        Tally t = byName.get(unit);
        if (t == null) {
            byName.put(unit, t = new Tally());
        }
        t.add(c);
    }

    @Override
    public void open(ExecutionContext context) {
        byName.clear();
        read(context, byName);
    }

    @Override
    public void update(ExecutionContext context) {
        HashMap<String, long[]> kept = new HashMap<>();
        byName.forEach((unit, t) -> kept.put(unit, t.toArray()));
        context.put(KEY, kept);
    }

    /** Whether a worker's context holds sums (a worker of a version before them has none). */
    static boolean in(ExecutionContext context) {
        return context.containsKey(KEY);
    }

    /** Adds the sums a worker's context holds to {@code into}. */
    @SuppressWarnings("unchecked")
    static void read(ExecutionContext context, Map<String, Tally> into) {
        Object kept = context.get(KEY);
        if (kept instanceof Map<?, ?> map) {
            ((Map<String, long[]>) map).forEach((unit, counts) -> into.computeIfAbsent(unit, u -> new Tally())
                    .add(Tally.of(counts)));
        }
    }
}
