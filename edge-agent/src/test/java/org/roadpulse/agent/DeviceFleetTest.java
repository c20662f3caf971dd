package org.roadpulse.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.config.FleetSettings;
import org.roadpulse.agent.config.SimulationSettings;
import org.roadpulse.agent.config.TransportSettings;
import org.roadpulse.agent.outbox.Outbox;
import org.roadpulse.agent.support.TestCoapService;
import org.roadpulse.protocol.CountInterval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceFleetTest {

    @TempDir
    Path outboxRoot;

    @Test
    void runsSeveralSimulatedDevicesEachWithItsOwnOutboxAndSeq() throws Exception {
        // GIVEN a fleet of two devices of "fleettest", simulating one past hour in 15-minute intervals
        try (TestCoapService service = TestCoapService.plainFor("fleettest-001", "fleettest-002")) {
            FleetSettings settings = new FleetSettings("fleettest", 2, "secret", Map.of(),
                    TransportSettings.coap(service.uri()).withBackoff(20, 200),
                    SimulationSettings.defaults().withPeriod("2024-05-06T08:00:00Z", "2024-05-06T09:00:00Z"),
                    0.0, outboxRoot, 900, null);
            // WHEN it runs
            try (DeviceFleet fleet = DeviceFleet.of(settings).start()) {
                for (Agent agent : fleet.agents()) {
                    assertThat(agent.awaitDrained(Duration.ofSeconds(30))).isTrue();
                }
                // THEN each device sent seq 1..4 of its own, with traffic volumes that differ between devices
                Map<String, java.util.List<CountInterval>> byDevice = service.counts().stream()
                        .map(TestCoapService.Received::interval)
                        .collect(Collectors.groupingBy(CountInterval::deviceId));
                assertThat(byDevice).containsOnlyKeys("fleettest-001", "fleettest-002");
                byDevice.values().forEach(intervals -> assertThat(intervals).extracting(CountInterval::seq)
                        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L));
                assertThat(fleet.agents()).extracting(a -> a.settings().source().simulation().dailyVehicles())
                        .doesNotHaveDuplicates();
            }
            // AND each has its own outbox folder
            assertThat(Outbox.inspect(outboxRoot.resolve("fleettest-001")).lastSeq()).isEqualTo(4);
            assertThat(Outbox.inspect(outboxRoot.resolve("fleettest-002")).lastSeq()).isEqualTo(4);
        }
    }
}
