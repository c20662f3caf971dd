package org.roadpulse.ingest.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.devices.PgDeviceRegistry;
import org.roadpulse.ingest.intake.AcceptedCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.testing.RestartablePostgres;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestIntervals;

import java.nio.file.Path;
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
        try (RestartablePostgres postgres = RestartablePostgres.start(dataDir)) {
            TestDatabase db = postgres.database();
            PgSchema.migrate(db.dataSource());
            new PgDeviceRegistry(db.dataSource()).provision(DEVICE, "10044113", "Nalbach – Ausfall", null);
            BatchWriter writer = new BatchWriter(new PgCountStore(db.dataSource(),
                    new MonthlyPartitions(db.dataSource(), Clock.systemUTC())), new IngestSettings.Writer(100, 5, 1000),
                    new SimpleMeterRegistry());
            try {
                assertThat(write(writer, 1)).isInstanceOf(IntakeResult.Stored.class);

                // WHEN the database stops
                postgres.stop();

                // THEN the next message is answered unavailable (the device keeps it and retries)
                assertThat(write(writer, 2)).isInstanceOf(IntakeResult.Unavailable.class);

                // WHEN the database is back
                postgres.startAgain();

                // THEN the retried message is stored, exactly once, next to the first
                IntakeResult retried = write(writer, 2);
                for (int attempt = 0; attempt < 10 && !(retried instanceof IntakeResult.Stored); attempt++) {
                    Thread.sleep(200);
                    retried = write(writer, 2);
                }
                assertThat(retried).isEqualTo(new IntakeResult.Stored(DEVICE, 2, false));
                assertThat(db.number("SELECT count(*) FROM count_message")).isEqualTo(2);
                assertThat(db.number("SELECT count(*) FROM count_record")).isEqualTo(4);
            } finally {
                writer.close();
            }
        }
    }

    private static IntakeResult write(BatchWriter writer, long seq) throws Exception {
        AcceptedCounts counts = new AcceptedCounts(TestIntervals.recent(DEVICE, seq, Instant.now()), Transport.COAP,
                Instant.now());
        return writer.write(counts).get(20, TimeUnit.SECONDS);
    }
}
