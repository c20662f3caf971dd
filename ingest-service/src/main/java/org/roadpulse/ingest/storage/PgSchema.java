package org.roadpulse.ingest.storage;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Brings a database to the newest schema with the SQL migrations in {@code db/migration}. */
public final class PgSchema {

    private PgSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }
}
