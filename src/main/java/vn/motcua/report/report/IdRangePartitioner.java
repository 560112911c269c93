package vn.motcua.report.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the dossier table into {@code gridSize} contiguous id ranges of equal width, one per partition
 * of the classify step, named {@code ids0}, {@code ids1}, … Ids are dense (a bigserial), so equal widths give about
 * equal work. A partition's execution context keeps its range ({@link #AFTER_ID}, {@link #TO_ID}); Spring Batch
 * restarts a partition with its own context, so it resumes the range it was given.
 */
public class IdRangePartitioner implements Partitioner {

    static final String AFTER_ID = "afterId";
    static final String TO_ID = "toId";
    /**
     * A centre's report: the stored spellings of the centre whose dossiers the partition reads, resolved once as the
     * partitions are cut and kept with them, so a restart reads what the first run read. Absent: every dossier.
     */
    static final String CENTRE_SPELLINGS = "centreSpellings";

    private final JdbcTemplate jdbc;
    private final List<String> spellings;

    public IdRangePartitioner(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    /** Partitions that read only the dossiers whose stored receiving centre is one of {@code spellings} (null: all). */
    public IdRangePartitioner(JdbcTemplate jdbc, List<String> spellings) {
        this.jdbc = jdbc;
        this.spellings = spellings;
    }

    /** The spellings a partition's context keeps, or null for every dossier. */
    @SuppressWarnings("unchecked")
    static List<String> spellings(ExecutionContext partition) {
        return (List<String>) partition.get(CENTRE_SPELLINGS);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        long[] bounds = jdbc.queryForObject("SELECT coalesce(min(id), 1), coalesce(max(id), 0) FROM dossier",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)});
        long after = bounds[0] - 1;
        long width = Math.max(1, (bounds[1] - after + gridSize - 1) / gridSize);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < gridSize; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(AFTER_ID, after);
            // The last partition is open-ended, so nothing above the max id seen here is ever left out.
            long to = i == gridSize - 1 ? Long.MAX_VALUE : after + width;
            context.putLong(TO_ID, to);
            if (spellings != null) {
                context.put(CENTRE_SPELLINGS, new ArrayList<>(spellings));
            }
            partitions.put("ids" + i, context);
            after = to;
        }
        return partitions;
    }
}
