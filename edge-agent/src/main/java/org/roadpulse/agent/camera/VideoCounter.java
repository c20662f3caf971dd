package org.roadpulse.agent.camera;

import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/** Counts the vehicles crossing a line in a video: frames → motion → tracks → crossings. */
public final class VideoCounter {

    /**
     * Tuning that scales with the processed frame.
     *
     * @param maxWidth     frames wider than this are shrunk to it before counting (640: shapes, not detail)
     * @param maxFps       at most this many frames a second are counted (infinity: every frame; see {@link FrameStep})
     * @param mergeSeconds crossings closer in time, at overlapping places along the line, are one vehicle (0.3 s:
     *                     below the time gap of close-following vehicles, above that of a broken-up blob)
     */
    public record Settings(int maxWidth, double maxFps, double minAreaShare, double bandShare, int maxMissing, int minFramesSeen,
                           double mergeSeconds, double vehicleWidthShare, double vehicleLengthShare) {
        public static Settings defaults() {
            return new Settings(640, Double.POSITIVE_INFINITY, 0.002, 0.04, 8, 3, 0.3, 0.35, 1.0);
        }

        public Settings withMaxWidth(int width) {
            return new Settings(width, maxFps, minAreaShare, bandShare, maxMissing, minFramesSeen, mergeSeconds,
                    vehicleWidthShare, vehicleLengthShare);
        }

        public Settings withMaxFps(double fps) {
            return new Settings(maxWidth, fps, minAreaShare, bandShare, maxMissing, minFramesSeen, mergeSeconds,
                    vehicleWidthShare, vehicleLengthShare);
        }
    }

    private final Settings settings;
    private final RegionOfInterest region;

    public VideoCounter(Settings settings) {
        this(settings, RegionOfInterest.WHOLE_FRAME);
    }

    public VideoCounter(Settings settings, RegionOfInterest region) {
        this.settings = settings;
        this.region = region;
    }

    /** Counts per direction (both directions present, zero when nothing crossed) and every crossing. */
    public record Result(Map<String, Integer> counts, List<LineCrossing> crossings, long frames, double seconds) {
    }

    public Result count(String source, String format, LineSpec spec, LongConsumer progress)
            throws FrameGrabber.Exception {
        long started = System.nanoTime();
        try (FfmpegFrames frames = new FfmpegFrames(source, format, settings.maxWidth())) {
            Mat first = frames.next();
            if (first == null) {
                throw new FrameGrabber.Exception("no frames in " + source);
            }
            FrameStep step = FrameStep.of(frames.frameRate() > 0 ? frames.frameRate() : 25, settings.maxFps());
            List<LineCrossing> crossings = new ArrayList<>();
            List<String> directions;
            try (FrameCounter counter = new FrameCounter(first.cols(), first.rows(), step.fps(), settings, spec, null,
                    region)) {
                directions = counter.line().directions();
                for (Mat frame = first; frame != null; frame = frames.next()) {
                    if (step.counts(frames.index())) {
                        crossings.addAll(counter.step(step.countedIndex(frames.index()), frame).counted());
                    }
                    progress.accept(frames.index());
                }
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            directions.forEach(d -> counts.put(d, 0));
            crossings.forEach(c -> counts.merge(c.direction(), 1, Integer::sum));
            return new Result(counts, crossings, frames.index() + 1, (System.nanoTime() - started) / 1e9);
        }
    }
}
