package vn.motcua.report.report;

import java.util.LinkedHashMap;
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

    private final JdbcTemplate jdbc;

    public IdRangePartitioner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
            partitions.put("ids" + i, context);
            after = to;
        }
        return partitions;
    }
}
