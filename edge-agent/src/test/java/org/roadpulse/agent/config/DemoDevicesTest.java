package org.roadpulse.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDevicesTest {

    private static final String FILE = """
            devices:
              - id: bexbach-rathausstrasse
                municipality: "10045111"
                name: "Bexbach – Rathausstraße"
                secret: "DEMO-ONLY-bexbach"
                transport: mqtt
              - id: mettlach-saaruferstrasse
                municipality: "10042114"
                name: "Mettlach – Saaruferstraße"
                secret: "DEMO-ONLY-mettlach"
                transport: coap
            """;

    @Test
    void eachDemoDeviceRunsOverItsOwnTransportWithItsOwnOutbox(@TempDir Path dir) throws IOException {
        // GIVEN the service's demo device list
        Path file = Files.writeString(dir.resolve("demo-devices.yml"), FILE);
        // WHEN the demo turns it into agents
        List<AgentSettings> agents = SettingsFiles.readDemoDevices(file)
                .agents("tcp://localhost:1883", "coap://localhost:5683", 60, dir.resolve("outbox"), 300);
        // THEN ids, secrets and transports are the file's, and every device has its own outbox
        assertThat(agents).extracting(a -> a.device().id())
                .containsExactly("bexbach-rathausstrasse", "mettlach-saaruferstrasse");
        assertThat(agents).extracting(a -> a.device().secret()).containsExactly("DEMO-ONLY-bexbach", "DEMO-ONLY-mettlach");
        assertThat(agents).extracting(a -> a.transport().type())
                .containsExactly(TransportSettings.Kind.MQTT, TransportSettings.Kind.COAP);
        assertThat(agents).extracting(a -> a.outbox().dir())
                .containsExactly(dir.resolve("outbox/bexbach-rathausstrasse"), dir.resolve("outbox/mettlach-saaruferstrasse"));
    }

    @Test
    void aDemoSiteIsTheSameOnEveryRun(@TempDir Path dir) throws IOException {
        // GIVEN the same file read twice
        Path file = Files.writeString(dir.resolve("demo-devices.yml"), FILE);
        // WHEN the agents are made from it twice
        var first = SettingsFiles.readDemoDevices(file).agents("tcp://a:1", "coap://a:2", 60, dir, 300);
        var second = SettingsFiles.readDemoDevices(file).agents("tcp://a:1", "coap://a:2", 60, dir, 300);
        // THEN each device simulates the same site, and the two devices differ
        assertThat(first.get(0).source()).isEqualTo(second.get(0).source());
        assertThat(first.get(0).source()).isNotEqualTo(first.get(1).source());
    }
}
