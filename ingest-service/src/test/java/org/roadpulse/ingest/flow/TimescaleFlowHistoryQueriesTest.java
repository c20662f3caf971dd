package org.roadpulse.ingest.flow;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.roadpulse.ingest.storage.PgSchema;
import org.roadpulse.ingest.testing.TestDatabase;

/**
 * The planners' query tests on TimescaleDB. Runs only when {@code ROADPULSE_TEST_TIMESCALE_URL} names a JDBC URL
 * (user and password included) of a database the test may migrate and fill; TimescaleDB is not available on the
 * build machines.
 */
@EnabledIfEnvironmentVariable(named = "ROADPULSE_TEST_TIMESCALE_URL", matches = ".+")
class TimescaleFlowHistoryQueriesTest extends FlowHistoryQueriesTest {

    static TestDatabase database() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv("ROADPULSE_TEST_TIMESCALE_URL"));
        config.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(config);
        PgSchema.migrate(dataSource);
        return new TestDatabase(config.getJdbcUrl(), "", dataSource);
    }
}
