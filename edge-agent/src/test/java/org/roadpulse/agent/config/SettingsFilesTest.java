package org.roadpulse.agent.config;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.roadpulse.agent.camera.Box;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.VehicleClass;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SettingsFilesTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("ROADPULSE_DEVICE_SECRET", "from-env");

    private static AgentSettings example(String name) throws IOException {
        return SettingsFiles.read(Path.of("config", name), AgentSettings.class, ENVIRONMENT);
    }

    @Test
    void readsTheMqttExample() throws IOException {
        AgentSettings settings = example("agent-mqtt.yml");
        assertThat(settings.device().id()).isEqualTo("koeln-a4-5651");
        assertThat(settings.device().secret()).isEqualTo("from-env");
        assertThat(settings.transport().type()).isEqualTo(TransportSettings.Kind.MQTT);
        assertThat(settings.transport().uri()).isEqualTo(URI.create("tcp://localhost:1883"));
        assertThat(settings.transport().encoding()).isEqualTo(Encoding.CBOR);
        assertThat(settings.source().type()).isEqualTo(SourceSettings.Kind.BAST);
        assertThat(settings.source().speed()).isEqualTo(60.0);
        assertThat(settings.outbox().dir()).isEqualTo(Path.of("outbox/koeln-a4-5651"));
        assertThat(settings.outbox().maxRecords()).isEqualTo(10_000);
    }

    @Test
    void readsTheCoapExampleWithDefaultsForWhatItLeavesOut() throws IOException {
        AgentSettings settings = example("agent-coap.yml");
        assertThat(settings.transport().type()).isEqualTo(TransportSettings.Kind.COAP);
        assertThat(settings.transport().window()).isEqualTo(4);
        assertThat(settings.transport().backoffMaxMs()).isEqualTo(60_000);
        assertThat(settings.source().type()).isEqualTo(SourceSettings.Kind.RADAR);
        assertThat(settings.intervalSeconds()).isEqualTo(300);
        assertThat(settings.device().firmware()).isEqualTo(DeviceSettings.DEFAULT_FIRMWARE);
    }

    @Test
    void readsTheSimulatedAndFleetExamples() throws IOException {
        AgentSettings simulated = example("agent-simulated.yml");
        assertThat(simulated.transport().type()).isEqualTo(TransportSettings.Kind.MQTT);
        assertThat(simulated.source().simulation().lanesPerDirection()).isEqualTo(2);
        assertThat(simulated.problems()).isEmpty();
        FleetSettings fleet = SettingsFiles.read(Path.of("config", "fleet.yml"), FleetSettings.class, ENVIRONMENT);
        assertThat(fleet.agents()).extracting(a -> a.device().id())
                .containsExactly("bexbach-001", "bexbach-002", "bexbach-003");
        assertThat(fleet.agents()).extracting(a -> a.outbox().dir())
                .containsExactly(Path.of("outbox/bexbach-001"), Path.of("outbox/bexbach-002"),
                        Path.of("outbox/bexbach-003"));
        assertThat(fleet.agents()).allSatisfy(a -> assertThat(a.device().secret()).isEqualTo("from-env"));
        // each device gets its own seed and volume, the same on every run
        assertThat(fleet.agents()).extracting(a -> a.source().simulation().seed()).doesNotHaveDuplicates();
        assertThat(fleet.agents().get(0).source().simulation().dailyVehicles())
                .isEqualTo(fleet.agents().get(0).source().simulation().dailyVehicles());
    }

    @Test
    void substitutesEnvironmentVariablesWithFallbacks() {
        assertThat(SettingsFiles.substitute("a: ${X}\nb: ${MISSING:-fallback}\nc: ${MISSING}", Map.of("X", "1")::get))
                .isEqualTo("a: 1\nb: fallback\nc: ");
    }

    @Test
    void aMisspeltKeyIsAnError() {
        assertThatThrownBy(() -> SettingsFiles.parse("device: {id: abc, secret: s}\nintervalSecs: 60\n",
                AgentSettings.class, name -> null)).isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("intervalSecs");
    }

    @Test
    void listsEveryProblemAtOnce() throws IOException {
        AgentSettings settings = SettingsFiles.parse("""
                device: {id: Bad_Id}
                transport: {uri: 'ws://x'}
                source: {type: radar}
                intervalSeconds: 120
                """, AgentSettings.class, name -> null);
        assertThat(settings.problems()).hasSize(5).anySatisfy(p -> assertThat(p).contains("device.id"))
                .anySatisfy(p -> assertThat(p).contains("secret"))
                .anySatisfy(p -> assertThat(p).contains("ws://"))
                .anySatisfy(p -> assertThat(p).contains("source.file"))
                .anySatisfy(p -> assertThat(p).contains("intervalSeconds"));
        assertThatThrownBy(settings::validated).hasMessageContaining("invalid agent settings");
    }

    @Test
    void aCameraSourceReadsItsSetUpAndNamesWhatIsWrong() throws IOException {
        AgentSettings good = SettingsFiles.parse("""
                device: {id: tholey-cam-1, secret: s}
                source:
                  type: camera
                  camera:
                    url: rtsp://camera.local/stream
                    line: y=0.6
                    speedLine: y=0.75
                    speedLineMetres: 6
                    pixelsPerMetre: 12.5
                    lanes:
                      - {direction: forward, lane: 1, from: 0.0, to: 0.5}
                      - {direction: backward, lane: 1, from: 0.5, to: 1.0}
                """, AgentSettings.class, name -> null);
        assertThat(good.problems()).isEmpty();
        assertThat(good.source().camera().setup().lanes()).hasSize(2);
        AgentSettings bad = SettingsFiles.parse("""
                device: {id: tholey-cam-1, secret: s}
                source:
                  type: camera
                  camera: {line: 'y=1.4', speedLine: 'x=0.5', lanes: [{direction: sideways}]}
                """, AgentSettings.class, name -> null);
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p).contains("source.camera.url"))
                .anySatisfy(p -> assertThat(p).contains("source.camera.line").contains("outside the frame"));
    }

    @Test
    void aCameraIsLiveWhenItsUrlIsAStreamOrDeviceAndARecordingCanSayWhenItWasMade() throws IOException {
        // streams and devices are live: wall-clock times, reconnect forever
        assertThat(camera("url: rtsp://camera.local/stream").live()).isTrue();
        assertThat(camera("url: http://10.0.0.7/video.mjpg").live()).isTrue();
        assertThat(camera("url: /dev/video0\n    format: v4l2").live()).isTrue();
        // a file is a recording: its own timeline, the source ends with it; unless told otherwise
        assertThat(camera("url: /data/clip.mp4").live()).isFalse();
        assertThat(camera("url: /data/pipe.ts\n    live: true").live()).isTrue();
        // a recording's start, parsed, and refused with the setting's name when unusable
        assertThat(camera("url: /data/clip.mp4\n    recordedAt: '2026-11-22T09:00:00+01:00'").recordingStart())
                .contains(Instant.parse("2026-11-22T08:00:00Z"));
        assertThat(camera("url: /data/clip.mp4\n    recordedAt: yesterday").problems())
                .anySatisfy(p -> assertThat(p).contains("source.camera.recordedAt"));
        assertThat(camera("url: rtsp://camera.local/s\n    recordedAt: '2026-11-22T08:00:00Z'").problems())
                .anySatisfy(p -> assertThat(p).contains("source.camera.recordedAt").contains("live"));
        assertThat(camera("url: rtsp://camera.local/s\n    reconnectMinMs: 5000\n    reconnectMaxMs: 1000").problems())
                .anySatisfy(p -> assertThat(p).contains("source.camera.reconnectMinMs"));
    }

    @Test
    void aRegionAProcessingWidthAndAFrameRateLimitReachTheCounterAndAreRefusedByNameWhenWrong() throws IOException {
        CameraSettings lowerPart = camera("url: /data/clip.mp4\n    region: '0,0.35 1,0.35 1,1 0,1'\n"
                + "    processingWidth: 480");
        assertThat(lowerPart.problems()).isEmpty();
        assertThat(lowerPart.setup().region().corners()).hasSize(4);
        assertThat(lowerPart.setup().settings().maxWidth()).isEqualTo(480);
        assertThat(camera("url: /data/clip.mp4").setup().region().wholeFrame()).isTrue();
        assertThat(camera("url: /data/clip.mp4\n    region: '0,0.35 1.2,0.35 1,1'").problems())
                .anySatisfy(p -> assertThat(p).startsWith("source.camera.region").contains("outside the frame"));
        assertThat(camera("url: /data/clip.mp4\n    processingWidth: 64").problems())
                .anySatisfy(p -> assertThat(p).contains("source.camera.processingWidth"));
        assertThat(camera("url: /data/clip.mp4\n    maxFps: 12.5").setup().settings().maxFps()).isEqualTo(12.5);
        assertThat(camera("url: /data/clip.mp4").setup().settings().maxFps()).isInfinite();
        assertThat(camera("url: /data/clip.mp4\n    maxFps: 0").problems())
                .anySatisfy(p -> assertThat(p).contains("source.camera.maxFps"));
    }

    @Test
    void twoReferenceMarksAKnownDistanceApartCalibrateTheSizeClasses() throws IOException {
        // marks 60 px apart for 4.8 m: 12.5 px/m, so a 100 px long vehicle is 8 m, truck-like
        CameraSettings marked = camera("url: /data/clip.mp4\n    referencePoints: '100,300-160,300'\n"
                + "    referenceMetres: 4.8");
        assertThat(marked.problems()).isEmpty();
        assertThat(marked.setup().sizes().lengthMetres(new Box(0, 0, 40, 100), 0, 1)).isCloseTo(8.0, within(1e-9));
        assertThat(marked.setup().sizes().classify(new Box(0, 0, 40, 100), 0, 1))
                .isEqualTo(VehicleClass.LKW_AEHNLICH);
        assertThat(camera("url: /data/clip.mp4\n    referencePoints: '100,300-160,300'").problems())
                .anySatisfy(p -> assertThat(p).contains("referenceMetres"));
        assertThat(camera("url: /data/clip.mp4\n    referencePoints: '100;300'\n    referenceMetres: 5").problems())
                .anySatisfy(p -> assertThat(p).contains("source.camera.referencePoints must be two pixel points"));
        assertThat(camera("url: /data/clip.mp4\n    pixelsPerMetre: 10\n    referencePoints: '1,1-2,2'\n"
                + "    referenceMetres: 5").problems()).anySatisfy(p -> assertThat(p).contains("not both"));
    }

    private static CameraSettings camera(String lines) throws IOException {
        return SettingsFiles.parse("""
                device: {id: tholey-cam-1, secret: s}
                source:
                  type: camera
                  camera:
                    line: y=0.5
                    %s
                """.formatted(lines), AgentSettings.class, name -> null).source().camera();
    }

    @Test
    void resolvesSimulationTimes() {
        Instant now = Instant.parse("2024-07-01T10:15:00Z");
        assertThat(SimulationSettings.parseTime("today", now)).isEqualTo(Instant.parse("2024-06-30T22:00:00Z"));
        assertThat(SimulationSettings.parseTime("now", now)).isEqualTo(now);
        assertThat(SimulationSettings.parseTime("2024-01-02", now)).isEqualTo(Instant.parse("2024-01-01T23:00:00Z"));
        assertThat(SimulationSettings.parseTime("2024-01-02T03:04:05Z", now))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    }
}
