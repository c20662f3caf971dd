package org.roadpulse.agent.camera;

/**
 * Frame-rate control: of a source faster than the counter needs, every {@code every}-th frame is counted, so a 50 fps
 * camera costs what a 12.5 fps one does. Counting works in counted frames at the counted rate, so times and speeds
 * stay right; the frames in between are decoded (FFmpeg must) but never reach the counter.
 *
 * @param every count one frame in this many
 * @param fps   the rate of the counted frames
 */
public record FrameStep(int every, double fps) {

    /** The step for a source of {@code sourceFps} counted at most {@code maxFps} times a second (infinity: all). */
    public static FrameStep of(double sourceFps, double maxFps) {
        if (!(maxFps > 0)) {
            throw new IllegalArgumentException("the frame-rate limit must be positive, not " + maxFps);
        }
        if (sourceFps <= maxFps) {
            return new FrameStep(1, sourceFps);
        }
        int every = (int) Math.ceil(sourceFps / maxFps - 1e-9);
        return new FrameStep(every, sourceFps / every);
    }

    /** Whether the source's frame {@code index} (from 0) is counted. */
    public boolean counts(long index) {
        return index % every == 0;
    }

    /** The counter's frame number of a counted source frame. */
    public long countedIndex(long index) {
        return index / every;
    }
}
