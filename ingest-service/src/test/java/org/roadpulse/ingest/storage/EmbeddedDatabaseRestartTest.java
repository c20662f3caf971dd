package org.roadpulse.ingest.storage;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.intake.CountIntake;
import org.roadpulse.ingest.intake.InboundCounts;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.testing.TestIntervals;
import org.roadpulse.ingest.testing.TestServices;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.Encoding;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero-setup database: the service's own PostgreSQL keeps its data, durably, from one start to the next. */
@Tag("slow")
class EmbeddedDatabaseRestartTest {

    @Test
    void storedCountsAndDevicesSurviveAServiceRestart(@TempDir Path dataDir) throws Exception {
        // GIVEN a service with no database URL, which therefore starts its embedded PostgreSQL
        Map<String, Object> settings = new HashMap<>(TestServices.quietProperties(dataDir));
        settings.put("roadpulse.database.embedded-port", 0);
        CountInterval interval = TestIntervals.recent("tholey-restart-1", 1, Instant.now());
        String secret;
        try (ApplicationContext service = ApplicationContext.run(settings)) {
            secret = service.getBean(DeviceRegistry.class)
                    .provision("tholey-restart-1", "10046118", "Tholey – Neustart", null).secret();
            assertThat(submit(service, interval)).isEqualTo(new IntakeResult.Stored("tholey-restart-1", 1, false));
            assertThat(setting(service, "fsync")).isEqualTo("on");
            assertThat(setting(service, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(service, "full_page_writes")).isEqualTo("on");
        }

        // WHEN the service starts again on the same data folder
        try (ApplicationContext service = ApplicationContext.run(settings)) {

            // THEN the device and its interval are still there: a replay is a duplicate
            assertThat(service.getBean(DeviceRegistry.class).authenticate("tholey-restart-1", secret)).isPresent();
            assertThat(submit(service, interval)).isEqualTo(new IntakeResult.Stored("tholey-restart-1", 1, true));
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
    }

    private static IntakeResult submit(ApplicationContext service, CountInterval interval) throws Exception {
        return service.getBean(CountIntake.class).submit(new InboundCounts(Transport.HTTP, interval.deviceId(),
                TestIntervals.json(interval), Encoding.JSON, Instant.now())).get(20, TimeUnit.SECONDS);
    }

    private static String setting(ApplicationContext service, String name) throws Exception {
        try (Connection connection = service.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
