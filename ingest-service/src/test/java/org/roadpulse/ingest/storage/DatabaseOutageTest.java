package org.roadpulse.ingest.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.devices.PgDeviceRegistry;
import org.roadpulse.ingest.intake.AcceptedCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.testing.TestIntervals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A database that goes away mid-run: devices are told to retry, nothing half-stored, and storing resumes. */
@Tag("slow")
class DatabaseOutageTest {

    private static final String DEVICE = "nalbach-outage-1";

    @Test
    void writerAnswersUnavailableWhileTheDatabaseIsDownAndRecoversAfterwards(@TempDir Path dataDir) throws Exception {
        // GIVEN a writer on a database of its own, with one message stored
        int port = freePort();
        EmbeddedPostgres postgres = start(dataDir, port);
        HikariDataSource dataSource = pool(port);
        BatchWriter writer = null;
        try {
            PgSchema.migrate(dataSource);
            new PgDeviceRegistry(dataSource).provision(DEVICE, "10044113", "Nalbach – Ausfall", null);
            writer = new BatchWriter(new PgCountStore(dataSource, new MonthlyPartitions(dataSource,
                    Clock.systemUTC())), new IngestSettings.Writer(100, 5, 1000), new SimpleMeterRegistry());
            assertThat(write(writer, 1)).isInstanceOf(IntakeResult.Stored.class);

            // WHEN the database stops
            postgres.close();

            // THEN the next message is answered unavailable (the device keeps it and retries)
            assertThat(write(writer, 2)).isInstanceOf(IntakeResult.Unavailable.class);

            // WHEN the database is back
            postgres = start(dataDir, port);

            // THEN the retried message is stored, exactly once, next to the first
            IntakeResult retried = write(writer, 2);
            for (int attempt = 0; attempt < 10 && !(retried instanceof IntakeResult.Stored); attempt++) {
                Thread.sleep(200);
                retried = write(writer, 2);
            }
            assertThat(retried).isEqualTo(new IntakeResult.Stored(DEVICE, 2, false));
            assertThat(count(dataSource, "SELECT count(*) FROM count_message")).isEqualTo(2);
            assertThat(count(dataSource, "SELECT count(*) FROM count_record")).isEqualTo(4);
        } finally {
            if (writer != null) {
                writer.close();
            }
            dataSource.close();
            postgres.close();
        }
    }

    private static IntakeResult write(BatchWriter writer, long seq) throws Exception {
        AcceptedCounts counts = new AcceptedCounts(TestIntervals.recent(DEVICE, seq, Instant.now()), Transport.COAP,
                Instant.now());
        return writer.write(counts).get(20, TimeUnit.SECONDS);
    }

    private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static HikariDataSource pool(int port) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres");
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1000);
        return new HikariDataSource(config);
    }

    private static long count(HikariDataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
