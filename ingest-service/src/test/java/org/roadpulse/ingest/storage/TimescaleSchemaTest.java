package org.roadpulse.ingest.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.devices.PgDeviceRegistry;
import org.roadpulse.ingest.intake.AcceptedCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.testing.TestIntervals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On TimescaleDB the schema makes {@code count_record} a hypertable and the writer stores into it unchanged.
 * Runs only when {@code ROADPULSE_TEST_TIMESCALE_URL} names a JDBC URL (with user and password) of a database the
 * test may migrate; TimescaleDB is not available on the build machines.
 */
@EnabledIfEnvironmentVariable(named = "ROADPULSE_TEST_TIMESCALE_URL", matches = ".+")
class TimescaleSchemaTest {

    @Test
    void countRecordIsAHypertableAndTakesWrites() throws Exception {
        // GIVEN the schema migrated on TimescaleDB
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv("ROADPULSE_TEST_TIMESCALE_URL"));
        config.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            PgSchema.migrate(dataSource);
            MonthlyPartitions partitions = new MonthlyPartitions(dataSource, Clock.systemUTC());
            new PgDeviceRegistry(dataSource).provision("timescale-test-1", "10045111", "Bexbach – Timescale", null);
            BatchWriter writer = new BatchWriter(new PgCountStore(dataSource, partitions),
                    new IngestSettings.Writer(10, 5, 100), new SimpleMeterRegistry());
            long seq = System.currentTimeMillis();
            try {
                // WHEN an interval is written
                IntakeResult result = writer.write(new AcceptedCounts(TestIntervals.recent("timescale-test-1", seq,
                        Instant.now()), Transport.HTTP, Instant.now())).get(20, TimeUnit.SECONDS);

                // THEN it is stored in the hypertable, with no declarative partitions involved
                assertThat(result).isEqualTo(new IntakeResult.Stored("timescale-test-1", seq, false));
            } finally {
                writer.close();
            }
            assertThat(partitions.partitioned()).isFalse();
            assertThat(count(dataSource, "SELECT count(*) FROM timescaledb_information.hypertables"
                    + " WHERE hypertable_name = 'count_record'", null)).isEqualTo(1);
            assertThat(count(dataSource, "SELECT count(*) FROM count_record WHERE seq = ?", seq)).isEqualTo(2);
        }
    }

    private static long count(HikariDataSource dataSource, String sql, Long parameter) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setLong(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
