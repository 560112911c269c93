package vn.motcua.report.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The application's settings ({@code motcua.*} in application.properties, the environment or {@code -D}), bound
 * by Spring Boot. The embedded database's own (pool size, scratch database) stay with the db room, which uses no
 * other room.
 *
 * @param home       MOTCUA_HOME: the embedded database, its binaries and the logs
 * @param database   the embedded database's folder when not under {@code home} (empty: under it)
 * @param jobs       MOTCUA_JOBS: the jobs folder (empty: ./jobs, else the copy bundled in the jar)
 * @param chunkSize  the classify step's chunk: dossiers per transaction (a run records it; restart keeps it)
 * @param provinceChunkSize a province run's classifyProvince chunk (as {@code chunkSize}): each chunk adds to the
 *                   rows of every centre's revision as well as the consolidation's, so it is larger, to add to them
 *                   less often
 * @param fetchSize  rows the classify step's reader fetches at a time
 * @param partitions the classify step's threads over id ranges (a run records them; restart keeps them)
 * @param imports    the import's settings ({@code motcua.import.*})
 */
@ConfigurationProperties("motcua")
public record MotcuaProperties(String home, @DefaultValue("") String database, @DefaultValue("") String jobs,
                               @DefaultValue("10000") int chunkSize, @DefaultValue("100000") int provinceChunkSize,
                               @DefaultValue("10000") int fetchSize,
                               @DefaultValue("2") int partitions, @DefaultValue("20s") Duration databasePatience,
                               @Name("import") @DefaultValue Import imports) {

    /** @param chunkSize rows the import checks between two writes to PostgreSQL (its one transaction) */
    public record Import(@DefaultValue("10000") int chunkSize) {
    }
}
