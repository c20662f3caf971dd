package org.roadpulse.agent.camera;

import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.time.Instant;

/** Sees each counted frame with what the counter made of it: for the opt-in local debug video. */
public interface FrameWatcher extends AutoCloseable {

    /** Called for every frame of a stream of {@code fps} frames per second; {@code grey} is reused after the call. */
    void frame(Mat grey, double fps, FrameCounter counter, FrameCounter.Step step, Instant time);

    @Override
    void close() throws IOException;
}
