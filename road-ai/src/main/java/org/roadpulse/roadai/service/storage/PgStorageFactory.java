package org.roadpulse.roadai.service.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.roadpulse.platform.postgres.PgServer;
import org.roadpulse.roadai.service.RoadAiSettings;

/**
 * Wires the storage: the PostgreSQL server (embedded unless a URL is set), the pool with the schema migrated, and
 * the stores. Built eagerly, so a database that cannot start or migrate stops the service at startup.
 */
@Factory
final class PgStorageFactory {

    @Context
    @Bean(preDestroy = "close")
    PgServer pgServer(RoadAiSettings.Database settings, RoadAiSettings.Paths paths) throws IOException {
        if (!settings.embedded()) {
            return PgServer.external(settings.url(), settings.username(), settings.password());
        }
        return PgServer.startEmbedded(Path.of(paths.dataDir(), "postgres"), settings.embeddedPort(), settings.durable(),
                settings.username(), settings.password());
    }

    @Context
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(PgServer server, RoadAiSettings.Database settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("road-ai");
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(3000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /** The queue's migrations live in {@code db/roadai}, apart from any other module's. */
    static void migrate(javax.sql.DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/roadai").load().migrate();
    }

    @Singleton
    Jdbc jdbc(HikariDataSource dataSource) {
        return new Jdbc(dataSource);
    }

    @Singleton
    PgMunicipalities municipalities(Jdbc jdbc) {
        return new PgMunicipalities(jdbc);
    }

    @Singleton
    PgRoadSegments roadSegments(Jdbc jdbc, PgMunicipalities municipalities) {
        return new PgRoadSegments(jdbc, municipalities);
    }

    @Singleton
    PgSurveyImages surveyImages(Jdbc jdbc) {
        return new PgSurveyImages(jdbc);
    }

    @Singleton
    PgDetections detections(Jdbc jdbc) {
        return new PgDetections(jdbc);
    }

    @Singleton
    PgItems items(Jdbc jdbc) {
        return new PgItems(jdbc);
    }

    @Singleton
    PgItemHistory itemHistory(Jdbc jdbc) {
        return new PgItemHistory(jdbc);
    }

    @Singleton
    PgAuditTrail auditTrail(Jdbc jdbc) {
        return new PgAuditTrail(jdbc);
    }
}
