package org.roadpulse.agent.camera;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.config.CameraSettings;
import org.roadpulse.agent.source.Reading;
import org.roadpulse.agent.source.SensorHealth;
import org.roadpulse.agent.support.ScriptedHttpStream;
import org.roadpulse.agent.support.ScriptedHttpStream.Cut;
import org.roadpulse.agent.support.ScriptedHttpStream.Refuse;
import org.roadpulse.agent.support.ScriptedHttpStream.Whole;
import org.roadpulse.agent.support.VideoFiles;
import org.roadpulse.agent.transport.Backoff;
import org.roadpulse.protocol.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that a live camera survives its stream: refused, cut off, missing; that it reports itself down meanwhile,
 * waits with growing backoff, and counts again afterwards. Real FFmpeg against a real local HTTP stream or file.
 */
@Tag("slow")
class CameraReconnectTest {

    /** video03 as a transport stream: 27 vehicles down in 28 s, at 60 fps. */
    private static Path stream;

    @TempDir
    static Path folder;

    @BeforeAll
    static void makeStream() throws Exception {
        stream = VideoFiles.transportStream(SharedData.require("video/bgslibrary_dataset_video03.avi"), 1,
                folder.resolve("video03.ts"));
    }

    /** What a run saw: every reading, and at every wait the health and how many readings had come before it. */
    private record Run(List<Reading> readings, List<Duration> waits, List<SensorHealth> healthWhileWaiting,
                       List<Integer> readingsBeforeWait) {

        long vehiclesAfter(int outage) {
            int seen = 0;
            long vehicles = 0;
            for (Reading reading : readings) {
                if (reading instanceof Reading.Outage && !isStartup(reading)) {
                    seen++;
                } else if (reading instanceof Reading.Passed && seen == outage) {
                    vehicles++;
                }
            }
            return vehicles;
        }

        List<Reading.Outage> outages() {
            return readings.stream().filter(r -> r instanceof Reading.Outage && !isStartup(r))
                    .map(Reading.Outage.class::cast).toList();
        }

        private static boolean isStartup(Reading reading) {
            return reading instanceof Reading.Outage o && "not connected yet".equals(o.reason());
        }
    }

    /** Reads a live camera until, at one of its waits to reconnect, {@code enough} holds for what was read. */
    private static Run run(String url, java.util.function.Predicate<Run> enough) throws IOException {
        Run run = new Run(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        CameraVehicleSource[] source = new CameraVehicleSource[1];
        CameraVehicleSource.Setup setup = new CameraSettings(url, null, "y=0.50", null, null, null, null, null).setup();
        source[0] = new CameraVehicleSource(new CameraVehicleSource.Feed(
                () -> new FfmpegFrames(url, null, 640, Duration.ofSeconds(5)), true,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(80), () -> 1.0), wait -> {
                    run.waits().add(wait);
                    run.healthWhileWaiting().add(source[0].health().orElseThrow());
                    run.readingsBeforeWait().add(run.readings().size());
                    if (enough.test(run)) {
                        throw new InterruptedException("enough");
                    }
                    Thread.sleep(wait.toMillis());
                }, null), setup, Clock.systemUTC());
        try (CameraVehicleSource camera = source[0]) {
            for (Optional<Reading> r = camera.nextReading(); r.isPresent(); r = camera.nextReading()) {
                run.readings().add(r.get());
            }
        } catch (InterruptedException expected) {
            // the test's way of stopping a live camera that would reconnect forever
        }
        return run;
    }

    @Test
    void aStreamCutOffMidwayIsReconnectedAndCountingResumes() throws Exception {
        // GIVEN a camera whose first connection breaks off after 40 % of the clip, which refuses the next attempt,
        // and then streams the whole clip
        try (ScriptedHttpStream camera = new ScriptedHttpStream(stream,
                List.of(new Cut(0.4), new Refuse(), new Refuse(), new Whole(), new Refuse()))) {
            // WHEN the source reads it until the whole clip has come through after an outage
            Run run = run(camera.url(), r -> r.outages().size() == 1 && r.vehiclesAfter(1) > 0);

            // THEN the cut-off is one outage, told in order: vehicles before it, vehicles after it
            assertThat(run.outages()).hasSize(1);
            Reading.Outage outage = run.outages().get(0);
            assertThat(outage.until()).isAfterOrEqualTo(outage.from());
            assertThat(run.vehiclesAfter(0)).as("vehicles before the cut").isBetween(5L, 15L);
            // AND the whole clip after the reconnect counts as before: 27 down, within ±1
            assertThat(run.vehiclesAfter(1)).as("vehicles after reconnecting").isBetween(26L, 28L);
            // AND the refused attempts were waited out, during the outage, while the camera reported itself down
            assertThat(run.waits()).hasSizeGreaterThanOrEqualTo(2);
            int outageAt = run.readings().indexOf(outage);
            assertThat(run.readingsBeforeWait().get(0)).isLessThanOrEqualTo(outageAt);
            SensorHealth down = run.healthWhileWaiting().get(0);
            assertThat(down.up()).isFalse();
            assertThat(down.reason()).contains("cannot open the camera");
            assertThat(down.since()).isBetween(outage.from(), outage.until());
        }
    }

    @Test
    void backsOffLongerWithEveryFailedAttemptUpToItsCap() throws Exception {
        // GIVEN a camera that refuses every connection
        try (ScriptedHttpStream camera = new ScriptedHttpStream(stream, List.of(new Refuse()))) {
            // WHEN the source tries five times
            Run run = run(camera.url(), r -> r.waits().size() == 5);

            // THEN it waited 20, 40, 80, 80, 80 ms (the cap) between them and counted nothing
            assertThat(run.waits()).containsExactly(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80),
                    Duration.ofMillis(80), Duration.ofMillis(80));
            assertThat(run.readings()).noneMatch(r -> r instanceof Reading.Passed);
            assertThat(run.healthWhileWaiting()).allMatch(h -> !h.up() && h.reason().contains("cannot open"));
            assertThat(run.healthWhileWaiting()).extracting(SensorHealth::since).containsOnly(
                    run.healthWhileWaiting().get(0).since()); // down since the first failure, not the latest
            assertThat(camera.connections()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aCameraFileThatAppearsLateIsWaitedForAndCounted() throws Exception {
        // GIVEN a recorded clip that is not there when the source starts, and appears during its second wait
        Path late = folder.resolve("late.ts");
        Files.deleteIfExists(late);
        List<Duration> waits = new ArrayList<>();
        CameraVehicleSource.Setup setup = new CameraSettings(late.toString(), null, "y=0.50", null, null, null, null,
                null).setup();
        Instant start = Instant.parse("2026-11-22T08:00:00Z");
        CameraVehicleSource source = new CameraVehicleSource(new CameraVehicleSource.Feed(
                () -> new FfmpegFrames(late.toString(), null, 640, null), false,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(10), () -> 0.0), wait -> {
                    waits.add(wait);
                    if (waits.size() == 2) {
                        try {
                            Files.copy(stream, late);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, null), setup, Clock.fixed(start, java.time.ZoneOffset.UTC));
        // WHEN it is read to its end
        List<Reading> readings = new ArrayList<>();
        boolean downBeforeItCame = !source.health().orElseThrow().up();
        boolean upOnceItCame;
        try (source) {
            for (Optional<Reading> r = source.nextReading(); r.isPresent(); r = source.nextReading()) {
                readings.add(r.get());
            }
            upOnceItCame = source.health().orElseThrow().up();
        }
        // THEN it waited twice, then counted the clip on its own timeline from the start, without any outage
        assertThat(downBeforeItCame).isTrue();
        assertThat(upOnceItCame).isTrue();
        assertThat(waits).hasSize(2);
        assertThat(readings).filteredOn(r -> r instanceof Reading.Passed).hasSizeBetween(26, 28);
        assertThat(readings).noneMatch(r -> r instanceof Reading.Outage);
        assertThat(readings).filteredOn(r -> r instanceof Reading.Passed)
                .allSatisfy(r -> assertThat(((Reading.Passed) r).vehicle().time()).isBetween(start,
                        start.plusSeconds(29)));
    }
}
