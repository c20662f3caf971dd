package org.roadpulse.ingest.endtoend;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.Agent;
import org.roadpulse.agent.camera.CameraVehicleSource;
import org.roadpulse.agent.camera.FfmpegFrames;
import org.roadpulse.agent.config.CameraSettings;
import org.roadpulse.agent.config.SettingsFiles;
import org.roadpulse.agent.source.Vehicle;
import org.roadpulse.protocol.testing.SharedData;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the camera unit end to end: {@code run}'s configuration with a camera source → the agent counts the video,
 * aggregates, stores in its outbox and sends over MQTT → the service's embedded broker, intake and PostgreSQL; and
 * that a camera that cannot be reached shows as down in the device list while the unit stays online.
 */
@Tag("slow")
class CameraEndToEndTest {

    private static final Instant RECORDED_AT = Instant.parse("2026-11-22T08:00:00Z");

    private static RunningService service;
    private final List<Agent> agents = new ArrayList<>();

    @TempDir
    Path folder;

    @BeforeAll
    static void startService() {
        service = RunningService.start(Map.of());
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @AfterEach
    void stopAgents() {
        agents.forEach(Agent::close);
    }

    private Agent run(String deviceId, String cameraYaml) throws Exception {
        String secret = service.provision(deviceId);
        Path config = Files.writeString(folder.resolve(deviceId + ".yml"), """
                device:
                  id: %s
                  secret: %s
                transport:
                  uri: %s
                  backoffInitialMs: 50
                  backoffMaxMs: 500
                source:
                  type: camera
                  speed: 0
                  camera:
                %s
                outbox:
                  dir: %s
                intervalSeconds: 60
                statusPeriodSeconds: 5
                """.formatted(deviceId, secret, service.mqttUri(), cameraYaml.indent(4).stripTrailing(),
                folder.resolve("outbox-" + deviceId)));
        Agent agent = Agent.create(SettingsFiles.readAgent(config)).start();   // what `run --config` does
        agents.add(agent);
        return agent;
    }

    @Test
    void theVehiclesAWholeMinuteOfVideoCountedAreStoredAsThatMinutesInterval() throws Exception {
        // GIVEN 85 s of road (video03 three times over, 27 vehicles down each time) recorded from 08:00:00
        Path video = threeTimesOver(SharedData.require("video/bgslibrary_dataset_video03.avi"));
        String camera = """
                url: %s
                line: y=0.50
                recordedAt: "%s"
                """.formatted(video, RECORDED_AT);

        // WHEN an agent runs with that camera source and 1-minute intervals until it has sent all it produced
        Agent agent = run("e2e-camera-1", camera);
        assertThat(agent.awaitDrained(Duration.ofSeconds(180))).isTrue();
        assertThat(agent.sourceFailure()).isEmpty();

        // THEN one interval is stored: 08:00–08:01; 08:01–08:02 was not watched to its end (the video stops at 85 s)
        service.awaitStored("e2e-camera-1", 1, Duration.ofSeconds(30));
        assertThat(service.storedMessages("e2e-camera-1")).isEqualTo(1);
        assertThat(service.db.number("SELECT extract(epoch FROM min(interval_start))::bigint FROM count_record "
                + "WHERE device_id = 'e2e-camera-1'")).isEqualTo(RECORDED_AT.getEpochSecond());
        // AND its vehicles are exactly those the camera counted in that minute: two clips' worth and a little more
        long counted = countedBefore(video, RECORDED_AT.plusSeconds(60));
        assertThat(counted).isBetween(52L, 60L);
        assertThat(service.db.number("SELECT sum(total) FROM count_record WHERE device_id = 'e2e-camera-1'"))
                .isEqualTo(counted);
        // AND the unit's heartbeat says its camera works
        assertThat(awaitSensor("e2e-camera-1", "ok")).isEqualTo("ok");
        // (Directions are not checked: the cuts between the copies make vehicles jump, which real footage never does.)
    }

    @Test
    void aCameraThatCannotBeReachedIsShownDownWhileItsUnitIsOnline() throws Exception {
        // GIVEN a camera stream on a port where nothing listens
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String camera = """
                url: http://127.0.0.1:%d/stream.ts
                line: y=0.50
                reconnectMinMs: 100
                reconnectMaxMs: 400
                readTimeoutMs: 1000
                """.formatted(closedPort);

        // WHEN its agent runs
        run("e2e-camera-2", camera);

        // THEN the device list shows the unit online with its sensor down
        assertThat(awaitSensor("e2e-camera-2", "down")).isEqualTo("down");
        assertThat(service.db.value("SELECT last_status ->> 'state' FROM device WHERE id = 'e2e-camera-2'"))
                .isEqualTo("online");
        assertThat(service.storedMessages("e2e-camera-2")).isZero();
    }

    /** The sensor state in the device's last stored status, once it is {@code expected} or 30 s have passed. */
    private static String awaitSensor(String deviceId, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String sensor = null;
        while (System.nanoTime() < deadline && !expected.equals(sensor)) {
            Thread.sleep(100);
            sensor = (String) service.db.value("SELECT last_status #>> '{sensor,state}' FROM device WHERE id = ?",
                    deviceId);
        }
        return sensor;
    }

    /** The vehicles the camera counts in the video before {@code end}, read directly with the same set-up. */
    private static long countedBefore(Path video, Instant end) throws Exception {
        CameraVehicleSource.Setup setup = new CameraSettings(video.toString(), null, "y=0.50", null, null, null, null,
                null).setup();
        long counted = 0;
        try (CameraVehicleSource source = new CameraVehicleSource(new FfmpegFrames(video.toString(), null, 640),
                setup, RECORDED_AT)) {
            for (Optional<Vehicle> v = source.next(); v.isPresent(); v = source.next()) {
                if (v.get().time().isBefore(end)) {
                    counted++;
                }
            }
        }
        return counted;
    }

    /** The clip three times in a row, as one MPEG transport stream. */
    private Path threeTimesOver(Path clip) throws Exception {
        Path out = folder.resolve("three-times.ts");
        try (FFmpegFrameGrabber probe = new FFmpegFrameGrabber(clip.toFile())) {
            probe.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), probe.getImageWidth(),
                    probe.getImageHeight(), 0)) {
                recorder.setFormat("mpegts");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG2VIDEO);
                recorder.setVideoQuality(2);
                recorder.setFrameRate(probe.getFrameRate());
                recorder.start();
                for (int i = 0; i < 3; i++) {
                    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
                        grabber.start();
                        for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                            recorder.record(frame);
                        }
                    }
                }
            }
        }
        return out;
    }
}
