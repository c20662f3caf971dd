package org.roadpulse.agent.camera;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.config.CameraSettings;
import org.roadpulse.agent.source.Vehicle;
import org.roadpulse.agent.transport.Backoff;
import org.roadpulse.protocol.testing.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the opt-in debug video: written locally when asked for, and off unless asked for. */
@Tag("slow")
class DebugVideoTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryCountedFrameAnnotatedWhenEnabled() throws Exception {
        // GIVEN the car-park clip (377 frames, 768×432, processed at 640×360) with a debug video asked for
        Path clip = SharedData.require("video/intel_car-detection.mp4");
        Path video = dir.resolve("debug.mp4");
        CameraVehicleSource.Setup setup = new CameraSettings(clip.toString(), null, "y=0.50", null, null, null, null,
                null).setup();
        CameraVehicleSource source = new CameraVehicleSource(new CameraVehicleSource.Feed(
                () -> new FfmpegFrames(clip.toString(), null, 640), false,
                Backoff.withRandomJitter(Duration.ofMillis(10), Duration.ofMillis(10)), d -> Thread.sleep(d.toMillis()),
                new DebugVideo(video, setup)), setup, Clock.systemUTC(), Instant.parse("2026-11-22T08:00:00Z"));
        // WHEN the clip is counted
        int vehicles = 0;
        try (source) {
            for (Optional<Vehicle> v = source.next(); v.isPresent(); v = source.next()) {
                vehicles++;
            }
        }
        // THEN the counts are the usual ones and the video holds every processed frame at the processed size
        assertThat(vehicles).isEqualTo(4);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.start();
            assertThat(grabber.getImageWidth()).isEqualTo(640);
            assertThat(grabber.getImageHeight()).isEqualTo(360);
            int frames = 0;
            while (grabber.grabImage() != null) {
                frames++;
            }
            assertThat(frames).isEqualTo(377);
        }
    }

    @Test
    void isOffUnlessAFileIsNamed() {
        CameraSettings settings = new CameraSettings("rtsp://camera.local/stream", null, "y=0.5", null, null, null,
                null, null);

        assertThat(settings.debugVideo()).isNull();
        assertThat(settings.withDebugVideo(dir.resolve("d.mp4")).debugVideo()).isEqualTo(dir.resolve("d.mp4"));
        assertThat(settings.withDebugVideo(dir.resolve("missing/d.mp4")).problems())
                .anySatisfy(p -> assertThat(p).contains("source.camera.debugVideo"));
        assertThat(Files.exists(dir.resolve("d.mp4"))).isFalse();
    }
}
