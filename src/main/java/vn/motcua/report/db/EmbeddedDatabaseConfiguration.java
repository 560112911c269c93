package vn.motcua.report.db;

import java.io.IOException;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Zero setup: with no {@code spring.datasource.url}, the data source is an embedded PostgreSQL under MOTCUA_HOME. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
public class EmbeddedDatabaseConfiguration {

    /** Only for a command started in a scratch database; removed after the server stopped (the server needs it). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(ScratchDatabase.PROPERTY)
    ScratchDatabase scratchDatabase(@Value("${" + ScratchDatabase.PROPERTY + "}") String name,
                                    @Value("${" + ScratchDatabase.KEEP_PROPERTY + ":false}") boolean keep) throws IOException {
        return ScratchDatabase.create(name, keep);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(MotcuaHome home) {
        return EmbeddedPostgresServer.startOrReuse(home);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server, @Value("${motcua.db.pool-size:8}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("motcua-embedded");
        // A server that died is known in seconds, not after Hikari's default 30 s per connection asked for; one that
        // takes the connection but never answers the login (stopped) is given up after 10 s, not never.
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("loginTimeout", "10");
        // Batched INSERTs become multi-row INSERTs: far fewer round trips for the import's refusals.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
