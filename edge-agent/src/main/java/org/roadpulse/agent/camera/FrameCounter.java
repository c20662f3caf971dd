package org.roadpulse.agent.camera;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The counting done on each frame: moving blobs → tracks → crossings of the counting line and, when one is set, of the
 * speed line. Sizes scale with the processed frame (see {@link VideoCounter.Settings}).
 */
public final class FrameCounter implements AutoCloseable {

    /** What one frame brought: crossings of the counting line, of the speed line, and the tracks still alive. */
    public record Step(List<LineCrossing> counted, List<LineCrossing> speedLine, Set<Long> alive,
                       List<TrackedVehicle> tracks) {
    }

    private final VideoCounter.Settings settings;
    private final MotionDetector motion;
    private final Tracker tracker;
    private final CountingLine line;
    private final CountingLine speedLine;

    public FrameCounter(int width, int height, double fps, VideoCounter.Settings settings, LineSpec line,
                        LineSpec speedLine, RegionOfInterest region) {
        this.settings = settings;
        double band = settings.bandShare() * height;
        this.line = line.inFrame("line", width, height, band)
                .mergingWithin(Math.round(settings.mergeSeconds() * fps));
        this.speedLine = speedLine == null ? null : speedLine.inFrame("speed", width, height, band)
                .mergingWithin(Math.round(settings.mergeSeconds() * fps));
        this.tracker = new Tracker(settings.maxMissing(), 0.1, 0.08 * Math.hypot(width, height));
        this.motion = new MotionDetector(settings.minAreaShare() * width * height,
                Math.max(3, (int) Math.round(width / 60.0)),
                new BlobSplitter(settings.vehicleWidthShare() * width, settings.vehicleLengthShare() * height),
                region.wholeFrame() ? null : region.mask(width, height));
    }

    public CountingLine line() {
        return line;
    }

    public Step step(long frame, Mat grey) {
        List<TrackedVehicle> tracks = tracker.update(motion.detect(grey));
        List<LineCrossing> counted = line.update(frame, tracks, settings.minFramesSeen());
        List<LineCrossing> timed = speedLine == null ? List.of()
                : speedLine.update(frame, tracks, settings.minFramesSeen());
        Set<Long> alive = new HashSet<>();
        tracks.forEach(t -> alive.add(t.id()));
        line.forgetAllBut(alive);
        if (speedLine != null) {
            speedLine.forgetAllBut(alive);
        }
        return new Step(counted, timed, alive, tracks);
    }

    @Override
    public void close() {
        motion.close();
    }
}
