package org.roadpulse.agent;

import org.roadpulse.agent.aggregation.AggregatingIntervalSource;
import org.roadpulse.agent.camera.CameraVehicleSource;
import org.roadpulse.agent.camera.FfmpegFrames;
import org.roadpulse.agent.camera.DebugVideo;
import org.roadpulse.agent.config.CameraSettings;
import org.roadpulse.agent.config.SimulationSettings;
import org.roadpulse.agent.config.SourceSettings;
import org.roadpulse.agent.source.BastHourlySource;
import org.roadpulse.agent.source.IntervalSource;
import org.roadpulse.agent.source.MoersRadarSource;
import org.roadpulse.agent.source.PacedIntervalSource;
import org.roadpulse.agent.source.Pacer;
import org.roadpulse.agent.source.TrafficSimulator;

import java.io.IOException;
import org.roadpulse.agent.transport.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Builds the interval source that settings describe. */
final class Sources {

    private Sources() {
    }

    static IntervalSource open(SourceSettings settings, String deviceId, int intervalSeconds, Clock clock,
                               Pacer.Sleeper sleeper) throws IOException {
        Pacer pacer = new Pacer(clock, sleeper, settings.speed());
        return switch (settings.type()) {
            case RADAR -> new AggregatingIntervalSource(new MoersRadarSource(settings.file()), intervalSeconds, pacer);
            case BAST -> new PacedIntervalSource(new BastHourlySource(settings.file()), pacer);
            case CAMERA -> new AggregatingIntervalSource(camera(settings.camera(), clock, sleeper), intervalSeconds,
                    pacer);
            case SIMULATE -> new AggregatingIntervalSource(
                    new TrafficSimulator(parameters(settings.simulation(), settings.speed(), deviceId,
                            clock.instant())),
                    intervalSeconds, pacer);
        };
    }

    /**
     * A file is counted as if it were recorded from now on; a stream or device runs in real time anyway. The camera is
     * opened by the source itself, so that one that is not there yet is retried like one that dropped.
     */
    static CameraVehicleSource camera(CameraSettings camera, Clock clock, Pacer.Sleeper sleeper) {
        CameraVehicleSource.Setup setup = camera.setup();
        Duration timeout = Duration.ofMillis(camera.readTimeoutMs());
        CameraVehicleSource.Connector connector = () -> new FfmpegFrames(camera.url(), blankToNull(camera.format()),
                setup.settings().maxWidth(), timeout);
        return new CameraVehicleSource(new CameraVehicleSource.Feed(connector, camera.live(),
                Backoff.withRandomJitter(Duration.ofMillis(camera.reconnectMinMs()),
                        Duration.ofMillis(camera.reconnectMaxMs())), sleeper,
                camera.debugVideo() == null ? null : new DebugVideo(camera.debugVideo(), setup)), setup,
                clock, camera.recordingStart().orElse(clock.instant()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static TrafficSimulator.Parameters parameters(SimulationSettings simulation, double speed, String deviceId,
                                                  Instant now) {
        long seed = simulation.seed() != null ? simulation.seed() : deviceId.hashCode();
        return new TrafficSimulator.Parameters(simulation.lanesPerDirection(), simulation.dailyVehicles(),
                simulation.heavyShare(), simulation.speedLimitKmh(), seed, simulation.startAt(now, speed),
                simulation.untilAt(now));
    }
}
