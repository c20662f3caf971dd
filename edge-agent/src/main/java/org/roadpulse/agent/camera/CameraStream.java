package org.roadpulse.agent.camera;

import org.bytedeco.opencv.opencv_core.Mat;
import org.roadpulse.agent.source.SensorHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One camera, frame by frame, counted: it opens the camera when needed (retrying with backoff and jitter while it
 * cannot), counts each frame, stamps it with its time ({@link FrameTimeline}), and says when a live stream broke or a
 * file ended. Each connection gets a fresh counter: a new connection is a new background to learn. It knows the
 * camera's health for the status, and can be stopped and closed from another thread than its reader's.
 */
final class CameraStream implements AutoCloseable {

    /** What reading the next frame brought. */
    sealed interface Event permits Counted, Dropped, Ended {
    }

    /** A frame, counted. */
    record Counted(Instant time, FrameCounter.Step step, CountingLine line, double fps) implements Event {
    }

    /** A live stream broke; the next call reconnects. */
    record Dropped(String reason) implements Event {
    }

    /** A recorded file is at its end. */
    record Ended() implements Event {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CameraStream.class);

    private final CameraVehicleSource.Feed feed;
    private final CameraVehicleSource.Setup setup;
    private final Clock clock;
    private final Instant start;
    /** Held while a frame is read and counted: closing the native grabber under a reading thread would crash it. */
    private final Object frameLock = new Object();
    private FrameTimeline timeline;
    private FfmpegFrames frames;
    private FrameCounter counter;
    private double fps;
    private FrameStep step;
    private boolean debugFailed;
    private volatile SensorHealth health;
    private volatile boolean closed;
    private volatile boolean stopRequested;

    /** @param start the time of a recorded file's first frame (unused for live cameras) */
    CameraStream(CameraVehicleSource.Feed feed, CameraVehicleSource.Setup setup, Clock clock, Instant start) {
        this.feed = feed;
        this.setup = setup;
        this.clock = clock;
        this.start = start;
        this.timeline = feed.live() ? FrameTimeline.live(clock) : null;
        this.health = SensorHealth.down(clock.instant(), "not connected yet");
    }

    SensorHealth health() {
        return health;
    }

    /** Reads and counts the next frame, connecting first if needed (which may wait long: the camera may be away). */
    Event next() throws IOException, InterruptedException {
        if (closed || stopRequested) {
            throw new InterruptedIOException("the camera source was stopped");
        }
        if (frames == null) {
            connect();
        }
        synchronized (frameLock) {
            if (closed) {
                throw new InterruptedIOException("the camera source was closed");
            }
            return readFrame();
        }
    }

    private void connect() throws InterruptedException, InterruptedIOException {
        while (true) {
            try {
                FfmpegFrames opened = feed.connector().open();
                synchronized (frameLock) {
                    if (closed) {
                        opened.close();
                        throw new InterruptedIOException("the camera source was closed");
                    }
                    frames = opened;
                }
                fps = frames.frameRate() > 0 && frames.frameRate() <= 240 ? frames.frameRate() : 25;
                step = FrameStep.of(fps, setup.settings().maxFps());
                if (timeline == null) {
                    timeline = FrameTimeline.replay(start, fps);
                }
                timeline.reconnected();
                feed.reconnect().reset();
                health = SensorHealth.up(clock.instant());
                LOG.info("camera connected ({} fps)", fps);
                return;
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                String reason = "cannot open the camera: " + brief(e);
                SensorHealth now = health;
                if (now.up() || !reason.equals(now.reason())) {
                    health = SensorHealth.down(now.up() ? clock.instant() : now.since(), reason);
                }
                Duration wait = feed.reconnect().next();
                LOG.warn("{}; next attempt in {} ms", reason, wait.toMillis());
                feed.sleeper().sleep(wait);
            }
        }
    }

    private Event readFrame() throws IOException {
        Mat frame;
        do { // frames between counted ones (frame-rate control) are decoded and passed over
            try {
                frame = frames.next();
            } catch (IOException | RuntimeException e) {
                if (!feed.live()) {
                    throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
                return dropped("the stream failed: " + brief(e));
            }
            if (frame == null) {
                return feed.live() ? dropped("the stream ended") : new Ended();
            }
        } while (!step.counts(frames.index()));
        long index = frames.index();
        Instant time = timeline.timeOf(index, frames.timestampMicros());
        if (counter == null) {
            counter = new FrameCounter(frame.cols(), frame.rows(), step.fps(), setup.settings(), setup.line(),
                    setup.speedLine(), setup.region());
        }
        FrameCounter.Step counted = counter.step(step.countedIndex(index), frame);
        if (feed.debug() != null && !debugFailed) {
            try {
                feed.debug().frame(frame, step.fps(), counter, counted, time);
            } catch (RuntimeException e) {
                debugFailed = true; // a debugging aid must never stop the counting
                LOG.warn("debug video stopped: {}", e.getMessage());
            }
        }
        return new Counted(time, counted, counter.line(), step.fps());
    }

    private Dropped dropped(String reason) {
        LOG.warn("camera down: {}; reconnecting", reason);
        health = SensorHealth.down(clock.instant(), reason);
        closeConnection();
        return new Dropped(reason);
    }

    /** FFmpeg's messages go on with advice for programmers ("Has setFormat() been called?"): the status needs the cause. */
    private static String brief(Exception e) {
        String message = String.valueOf(e.getMessage());
        int advice = message.indexOf(" (");
        return advice > 0 ? message.substring(0, advice) : message;
    }

    private void closeConnection() {
        if (counter != null) {
            counter.close();
            counter = null;
        }
        if (frames != null) {
            try {
                frames.close();
            } catch (IOException e) {
                LOG.debug("closing the camera: {}", e.toString());
            }
            frames = null;
        }
    }

    /** The reader stops after the frame it is reading (a live stream never ends on its own). */
    void stopReading() {
        stopRequested = true;
    }

    /** Safe from another thread than the reader's: it waits for the frame being read, then stops the reading. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (frameLock) {
            closeConnection();
            if (feed.debug() != null) {
                feed.debug().close();
            }
        }
    }
}
