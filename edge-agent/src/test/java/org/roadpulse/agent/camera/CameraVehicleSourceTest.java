package org.roadpulse.agent.camera;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.roadpulse.agent.config.CameraSettings;
import org.roadpulse.agent.source.LanePosition;
import org.roadpulse.agent.source.Vehicle;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.VehicleClass;
import org.roadpulse.protocol.testing.SharedData;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that a camera's crossings become the agent's vehicles: direction, lane, time, class and speed. */
@Tag("slow")
class CameraVehicleSourceTest {

    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void theCarParkClipGivesTwoVehiclesEachWayInEventOrder() throws Exception {
        // GIVEN the car-park clip (2 down, 2 up), down = forward, calibrated so that cars are 4-5 m long
        Path clip = SharedData.require("video/intel_car-detection.mp4");
        CameraSettings settings = new CameraSettings(clip.toString(), null, "y=0.50", null, null, 25.0, null,
                null);
        // WHEN the source is read to its end
        List<Vehicle> vehicles = readAll(new CameraVehicleSource(new FfmpegFrames(clip.toString(), null, 640),
                settings.setup(), START));
        // THEN two vehicles each way, in time order within the clip's 30 s, car-like, without speed
        assertThat(vehicles).extracting(Vehicle::direction)
                .containsExactlyInAnyOrder(Direction.FORWARD, Direction.FORWARD, Direction.BACKWARD, Direction.BACKWARD);
        assertThat(vehicles).extracting(Vehicle::time).isSorted()
                .allSatisfy(t -> assertThat(t).isBetween(START, START.plusSeconds(31)));
        assertThat(vehicles).allSatisfy(v -> {
            assertThat(v.lane()).isEqualTo(1);
            assertThat(v.speedKmh()).isNull();
            assertThat(v.vehicleClass()).isIn(VehicleClass.PKW_AEHNLICH, VehicleClass.LKW_AEHNLICH);
        });
    }

    @Test
    void aSpeedLineGivesSpeedsAndLanesSplitTheLine() throws Exception {
        // GIVEN the oblique three-lane clip with a second line 5 m on, and the line's halves as two lanes
        Path clip = SharedData.require("video/bgslibrary_dataset_video.avi");
        CameraSettings settings = new CameraSettings(clip.toString(), null, "x=0.50", "x=0.65", 5.0, null, null,
                List.of(new CameraSettings.Lane("forward", 1, 0.0, 0.5), new CameraSettings.Lane("forward", 2, 0.5, 1.0)));
        CameraVehicleSource source = new CameraVehicleSource(new FfmpegFrames(clip.toString(), null, 640),
                settings.setup(), START);
        assertThat(source.lanes()).containsExactly(new LanePosition(1, Direction.FORWARD),
                new LanePosition(2, Direction.FORWARD));
        assertThat(source.measuresSpeed()).isTrue();
        // WHEN read
        List<Vehicle> vehicles = readAll(source);
        // THEN the five vehicles come with speeds, not classified (no calibration)
        assertThat(vehicles).hasSizeBetween(4, 6);
        assertThat(vehicles).filteredOn(v -> v.speedKmh() != null).hasSizeGreaterThanOrEqualTo(3);
        assertThat(vehicles).allSatisfy(v -> assertThat(v.vehicleClass()).isEqualTo(VehicleClass.NK_KFZ));
        assertThat(vehicles).extracting(Vehicle::time).isSorted();
    }

    @Test
    void aFrameRateLimitCountsTheSameVehiclesAtTheSameTimes() throws Exception {
        // GIVEN the oblique clip (30 fps), read once with every frame and once at most 8 frames a second
        Path clip = SharedData.require("video/bgslibrary_dataset_video.avi");
        CameraSettings every = new CameraSettings(clip.toString(), null, "x=0.50", "x=0.65", 5.0, null, null, null);
        List<Vehicle> all = readAll(new CameraVehicleSource(new FfmpegFrames(clip.toString(), null, 640),
                every.setup(), START));
        List<Vehicle> fewer = readAll(new CameraVehicleSource(new FfmpegFrames(clip.toString(), null, 640),
                every.withMaxFps(8.0).setup(), START));
        // THEN the same vehicles at about the same times: one counted frame is now 4 source frames, 0.13 s
        // (speeds over 5 m come in coarse steps at that rate: 67.5 or 135 km/h for a car at 77; see the README)
        assertThat(fewer).hasSameSizeAs(all);
        for (int i = 0; i < all.size(); i++) {
            assertThat(fewer.get(i).time()).isBetween(all.get(i).time().minusMillis(300),
                    all.get(i).time().plusMillis(300));
        }
    }

    private static List<Vehicle> readAll(CameraVehicleSource source) throws Exception {
        List<Vehicle> vehicles = new ArrayList<>();
        try (source) {
            for (Optional<Vehicle> v = source.next(); v.isPresent(); v = source.next()) {
                vehicles.add(v.get());
            }
        }
        return vehicles;
    }
}
