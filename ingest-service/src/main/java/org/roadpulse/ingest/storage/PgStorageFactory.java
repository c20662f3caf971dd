package org.roadpulse.ingest.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.platform.postgres.PgServer;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires the storage: the PostgreSQL server (embedded unless a URL is set), the connection pool with the schema
 * migrated to the newest version, and the writers. The pool is built here rather than by configuration because
 * the embedded server's address is only known once it runs. The count writer is created eagerly, so a service
 * whose database cannot start or migrate fails at startup, not at its first message.
 */
@Factory
final class PgStorageFactory {

    @Singleton
    @Bean(preDestroy = "close")
    PgServer pgServer(IngestSettings.Database settings, IngestSettings.Paths paths) throws IOException {
        if (!settings.embedded()) {
            return PgServer.external(settings.url(), settings.username(), settings.password());
        }
        return PgServer.startEmbedded(Path.of(paths.dataDir(), "postgres"), settings.embeddedPort(),
                settings.durable(), settings.username(), settings.password());
    }

    @Singleton
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(PgServer server, IngestSettings.Database settings, MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("roadpulse");
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(Math.max(250, settings.connectTimeoutMs()));
        config.setMetricRegistry(meters);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            PgSchema.migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    @Singleton
    MonthlyPartitions monthlyPartitions(DataSource dataSource) throws SQLException {
        return new MonthlyPartitions(dataSource, Clock.systemUTC());
    }

    @Singleton
    PgCountStore countStore(DataSource dataSource, MonthlyPartitions partitions) {
        return new PgCountStore(dataSource, partitions);
    }

    @Context
    @Bean(preDestroy = "close")
    BatchWriter batchWriter(PgCountStore store, IngestSettings.Writer settings, MeterRegistry meters) {
        return new BatchWriter(store, settings, meters);
    }

    @Context
    @Bean(preDestroy = "close")
    Rollups rollups(DataSource dataSource, IngestSettings.Flow settings, MeterRegistry meters) {
        return new Rollups(dataSource, settings.zoneId(), Duration.ofMillis(settings.refreshMs()), meters);
    }

    @Singleton
    PgFlowHistory flowHistory(DataSource dataSource) {
        return new PgFlowHistory(dataSource);
    }

    @Singleton
    @Bean(preDestroy = "close")
    PgDeadLetterStore deadLetters(DataSource dataSource, MeterRegistry meters) {
        return new PgDeadLetterStore(dataSource, meters);
    }
}
