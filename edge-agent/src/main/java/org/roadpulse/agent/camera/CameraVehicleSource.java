package org.roadpulse.agent.camera;

import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;
import org.roadpulse.agent.source.LanePosition;
import org.roadpulse.agent.source.Vehicle;
import org.roadpulse.agent.source.VehicleSource;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.Direction;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vehicles counted by a camera, for the agent's aggregation: each crossing of the counting line becomes a vehicle of
 * the 2+1 scheme in its lane and direction (the line's first direction is the site's forward direction). With a speed
 * line a known distance away, a vehicle waits until it crosses that line too (or its track ends) and gets the speed
 * from the time between the two lines. Vehicle times are the source's start plus the frame's time in the video.
 */
public final class CameraVehicleSource implements VehicleSource {

    /** How the camera is set up at its site. */
    public record Setup(LineSpec line, LineSpec speedLine, Double speedLineMetres, List<LaneZone> lanes,
                        SizeClassifier sizes, VideoCounter.Settings settings) {
        public Setup {
            lanes = lanes == null || lanes.isEmpty()
                    ? List.of(new LaneZone(Direction.FORWARD, 1, 0, 1), new LaneZone(Direction.BACKWARD, 1, 0, 1))
                    : List.copyOf(lanes);
            if ((speedLine == null) != (speedLineMetres == null)) {
                throw new IllegalArgumentException("a speed line needs its distance from the counting line, and back");
            }
        }
    }

    private record Waiting(LineCrossing crossing, Direction direction, int lane, Long speedLineFrame) {
    }

    private final FfmpegFrames frames;
    private final FrameCounter counter;
    private final Setup setup;
    private final Instant start;
    private final double fps;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final Map<Long, Long> speedLineFrames = new HashMap<>();
    private final Deque<Vehicle> ready = new ArrayDeque<>();
    private Mat pending;
    private boolean ended;

    public CameraVehicleSource(FfmpegFrames frames, Setup setup, Instant start) throws IOException {
        this.frames = frames;
        this.setup = setup;
        this.start = start;
        this.fps = frames.frameRate() > 0 ? frames.frameRate() : 25;
        this.pending = frames.next();
        if (pending == null) {
            throw new IOException("the camera source delivered no frame");
        }
        this.counter = new FrameCounter(pending.cols(), pending.rows(), fps, setup.settings(), setup.line(),
                setup.speedLine());
    }

    @Override
    public ClassScheme scheme() {
        return ClassScheme.TLS_2_1;
    }

    @Override
    public List<LanePosition> lanes() {
        return setup.lanes().stream().map(zone -> new LanePosition(zone.lane(), zone.direction())).distinct().toList();
    }

    @Override
    public boolean measuresSpeed() {
        return setup.speedLine() != null;
    }

    @Override
    public Instant measurementStart() {
        return start;
    }

    @Override
    public Optional<Vehicle> next() throws IOException {
        while (ready.isEmpty() && !ended) {
            Mat frame = pending != null ? pending : frames.next();
            pending = null;
            if (frame == null) {
                ended = true;
                while (!waiting.isEmpty()) {
                    ready.add(vehicle(waiting.poll()));
                }
                break;
            }
            consume(frames.index(), counter.step(frames.index(), frame));
        }
        return Optional.ofNullable(ready.poll());
    }

    private void consume(long frame, FrameCounter.Step step) {
        for (LineCrossing timed : step.speedLine()) {
            speedLineFrames.put(timed.vehicle().id(), timed.frame());
        }
        for (LineCrossing crossing : step.counted()) {
            Direction direction = crossing.direction().equals(counter.line().directions().get(0))
                    ? Direction.FORWARD : Direction.BACKWARD;
            double along = counter.line().along(crossing.at());
            LaneZone zone = setup.lanes().stream().filter(z -> z.holds(direction, along)).findFirst().orElse(null);
            if (zone != null) { // beside every lane of its direction: not on the road this site counts
                waiting.add(new Waiting(crossing, direction, zone.lane(), null));
            }
        }
        // release in crossing order: the head once its speed is known, its track is gone, or no speed is measured
        while (!waiting.isEmpty()) {
            Waiting head = waiting.peek();
            long id = head.crossing().vehicle().id();
            boolean done = !measuresSpeed() || speedLineFrames.containsKey(id) || !step.alive().contains(id);
            if (!done) {
                break;
            }
            ready.add(vehicle(waiting.poll()));
        }
        speedLineFrames.keySet().retainAll(step.alive());
    }

    private Vehicle vehicle(Waiting waiting) {
        LineCrossing crossing = waiting.crossing();
        TrackedVehicle track = crossing.vehicle();
        Double speed = null;
        Long other = speedLineFrames.get(track.id());
        if (other != null && other != crossing.frame()) {
            double seconds = Math.abs(crossing.frame() - other) / fps;
            speed = Math.round(setup.speedLineMetres() / seconds * 3.6 * 10) / 10.0;
        }
        Instant time = start.plus(Duration.ofNanos(Math.round(crossing.frame() / fps * 1e9)));
        return new Vehicle(time, waiting.lane(), waiting.direction(),
                setup.sizes().classify(crossing.at(), track.velocityX(), track.velocityY()), speed);
    }

    @Override
    public void close() throws IOException {
        counter.close();
        try {
            frames.close();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot close the camera source: " + e.getMessage(), e);
        }
    }
}
