package org.roadpulse.ingest.sites;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/** Wires the sites store; it is both the {@link Sites} the flow queries read and the store the site API writes. */
@Factory
final class PgSitesFactory {

    @Singleton
    PgSites sites(DataSource dataSource) {
        return new PgSites(dataSource);
    }
}
