package org.roadpulse.agent.camera;

import org.roadpulse.agent.source.LanePosition;
import org.roadpulse.agent.source.Pacer;
import org.roadpulse.agent.source.Reading;
import org.roadpulse.agent.source.SensorHealth;
import org.roadpulse.agent.source.Vehicle;
import org.roadpulse.agent.source.VehicleSource;
import org.roadpulse.agent.transport.Backoff;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.Direction;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vehicles counted by a camera, for the agent's aggregation: each crossing of the counting line becomes a vehicle of
 * the 2+1 scheme in its lane and direction (the line's first direction is the site's forward direction). With a speed
 * line a known distance away, a vehicle waits until it crosses that line too (or its track ends) and gets the speed
 * from the time between the two lines.
 *
 * <p>A live camera ({@link Feed#live()}) is watched for as long as the agent runs: when its stream cannot be opened,
 * fails or ends, the source reconnects with backoff and jitter, reports itself down meanwhile ({@link #health()}),
 * and tells the aggregation the outage ({@link Reading.Outage}); once a second it says how far it has watched
 * ({@link Reading.Watched}), so quiet intervals close on time. Frame times come from {@link FrameTimeline}. A recorded
 * file ends the source at its end; only opening it is retried (it may not be there yet).
 */
public final class CameraVehicleSource implements VehicleSource {

    private static final Duration WATERMARK_EVERY = Duration.ofSeconds(1);

    /** How the camera is set up at its site; a null region is the whole frame. */
    public record Setup(LineSpec line, LineSpec speedLine, Double speedLineMetres, List<LaneZone> lanes,
                        SizeClassifier sizes, VideoCounter.Settings settings, RegionOfInterest region) {
        public Setup {
            region = region == null ? RegionOfInterest.WHOLE_FRAME : region;
            lanes = lanes == null || lanes.isEmpty()
                    ? List.of(new LaneZone(Direction.FORWARD, 1, 0, 1), new LaneZone(Direction.BACKWARD, 1, 0, 1))
                    : List.copyOf(lanes);
            if ((speedLine == null) != (speedLineMetres == null)) {
                throw new IllegalArgumentException("a speed line needs its distance from the counting line, and back");
            }
        }
    }

    /** Opens the camera's frames; called again after every drop. */
    @FunctionalInterface
    public interface Connector {
        FfmpegFrames open() throws IOException;
    }

    /**
     * Where the frames come from and how to get them back.
     *
     * @param live      a stream or device (wall-clock times, reconnect forever) rather than a recorded file
     * @param reconnect the waits between attempts to open the camera
     * @param sleeper   how to wait; the agent's wakes up when it stops
     * @param debug     annotated frames for a local debug video, or null (the default: no frame is kept)
     */
    public record Feed(Connector connector, boolean live, Backoff reconnect, Pacer.Sleeper sleeper, FrameWatcher debug) {
    }

    private record Waiting(LineCrossing crossing, Instant time, Direction direction, int lane) {
    }

    private final Setup setup;
    private final Instant start;
    private final CameraStream stream;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final Map<Long, Long> speedLineFrames = new HashMap<>();
    private final Deque<Vehicle> ready = new ArrayDeque<>();
    private double fps = 25;
    private Reading pending;
    private Instant lastFrameTime;
    private Instant lastWatermark;
    private Instant outageFrom;
    private String outageReason;
    private boolean ended;

    public CameraVehicleSource(Feed feed, Setup setup, Clock clock) {
        this(feed, setup, clock, clock.instant());
    }

    /**
     * @param clock the wall clock: live frame times, health
     * @param start when the measurement starts; for a recorded file also the time of its first frame
     */
    public CameraVehicleSource(Feed feed, Setup setup, Clock clock, Instant start) {
        this.setup = setup;
        this.start = start;
        this.stream = new CameraStream(feed, setup, clock, start);
        if (feed.live()) {
            outageFrom = start;  // blind until the first frame; the aggregation ignores it if that is before its first interval
            outageReason = "not connected yet";
        }
    }

    /** A recorded file, already open, counted as if it had been recorded from {@code start} on. */
    public CameraVehicleSource(FfmpegFrames file, Setup setup, Instant start) {
        this(new Feed(() -> file, false, Backoff.withRandomJitter(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                d -> Thread.sleep(d.toMillis()), null), setup, Clock.systemUTC(), start);
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
    public Optional<SensorHealth> health() {
        return Optional.of(stream.health());
    }

    @Override
    public Optional<Reading> nextReading() throws IOException, InterruptedException {
        while (true) {
            if (pending != null) {
                Reading reading = pending;
                pending = null;
                return Optional.of(reading);
            }
            if (!ready.isEmpty()) {
                return Optional.of(new Reading.Passed(ready.poll()));
            }
            if (ended) {
                return Optional.empty();
            }
            CameraStream.Event event = stream.next();
            if (event instanceof CameraStream.Counted frame) {
                counted(frame);
            } else if (event instanceof CameraStream.Dropped drop) {
                releaseAllWaiting(); // what was counted before the drop stands
                outageFrom = lastFrameTime != null ? lastFrameTime : start;
                outageReason = drop.reason();
            } else {
                releaseAllWaiting();
                ended = true;
            }
        }
    }

    @Override
    public Optional<Vehicle> next() throws IOException {
        try {
            for (Optional<Reading> r = nextReading(); r.isPresent(); r = nextReading()) {
                if (r.get() instanceof Reading.Passed passed) {
                    return Optional.of(passed.vehicle());
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the camera");
        }
    }

    private void counted(CameraStream.Counted frame) {
        Instant time = frame.time();
        if (outageFrom != null) {
            pending = new Reading.Outage(outageFrom, time.isBefore(outageFrom) ? outageFrom : time, outageReason);
            outageFrom = null;
        }
        fps = frame.fps();
        consume(time, frame.step(), frame.line());
        lastFrameTime = time;
        watermark(time);
    }

    /** Says how far the road was watched: up to this frame, or up to the oldest vehicle still waiting for a speed. */
    private void watermark(Instant time) {
        if (pending != null || !ready.isEmpty()) {
            return;
        }
        if (lastWatermark != null && Duration.between(lastWatermark, time).compareTo(WATERMARK_EVERY) < 0) {
            return;
        }
        Instant until = waiting.isEmpty() || time.isBefore(waiting.peek().time()) ? time : waiting.peek().time();
        lastWatermark = time;
        pending = new Reading.Watched(until);
    }

    private void consume(Instant time, FrameCounter.Step step, CountingLine line) {
        for (LineCrossing timed : step.speedLine()) {
            speedLineFrames.put(timed.vehicle().id(), timed.frame());
        }
        for (LineCrossing crossing : step.counted()) {
            Direction direction = crossing.direction().equals(line.directions().get(0))
                    ? Direction.FORWARD : Direction.BACKWARD;
            double along = line.along(crossing.at());
            LaneZone zone = setup.lanes().stream().filter(z -> z.holds(direction, along)).findFirst().orElse(null);
            if (zone != null) { // beside every lane of its direction: not on the road this site counts
                waiting.add(new Waiting(crossing, time, direction, zone.lane()));
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

    private void releaseAllWaiting() {
        while (!waiting.isEmpty()) {
            ready.add(vehicle(waiting.poll()));
        }
        speedLineFrames.clear();
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
        return new Vehicle(waiting.time(), waiting.lane(), waiting.direction(),
                setup.sizes().classify(crossing.at(), track.velocityX(), track.velocityY()), speed);
    }

    @Override
    public void stopReading() {
        stream.stopReading();
    }

    /** Safe from another thread than the reader's (see {@link CameraStream#close()}). */
    @Override
    public void close() throws IOException {
        stream.close();
    }
}
