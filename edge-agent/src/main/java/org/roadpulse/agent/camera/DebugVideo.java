package org.roadpulse.agent.camera;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * The opt-in debug video: every processed frame with the set-up, each track's box and id, and the counts so far,
 * written to a local file (MPEG-4 in the container the file name says). Only when {@code source.camera.debugVideo}
 * names a file; it is for installers and developers on the device, and nothing sends it anywhere. A reconnect with
 * another frame size starts the next file ({@code name-2.mp4}, ...), as a video has one size.
 */
public final class DebugVideo implements FrameWatcher {

    private static final Scalar RED = new Scalar(60, 60, 230, 0);
    private static final Scalar WHITE = new Scalar(255, 255, 255, 0);

    private final Path file;
    private final CameraVehicleSource.Setup setup;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final Mat colour = new Mat();
    private final Map<String, Integer> counts = new HashMap<>();
    private FFmpegFrameRecorder recorder;
    private int files;

    public DebugVideo(Path file, CameraVehicleSource.Setup setup) {
        this.file = file;
        this.setup = setup;
    }

    @Override
    public void frame(Mat grey, double fps, FrameCounter counter, FrameCounter.Step step, Instant time) {
        cvtColor(grey, colour, COLOR_GRAY2BGR);
        SetupDrawing.drawSetup(colour, setup);
        for (TrackedVehicle track : step.tracks()) {
            Box box = track.box();
            try (Rect rect = new Rect((int) box.x(), (int) box.y(), (int) box.width(), (int) box.height());
                 Point label = new Point((int) box.x(), Math.max(10, (int) box.y() - 3))) {
                rectangle(colour, rect, RED, 1, LINE_AA, 0);
                putText(colour, "#" + track.id(), label, FONT_HERSHEY_SIMPLEX, 0.35, RED, 1, LINE_AA, false);
            }
        }
        step.counted().forEach(crossing -> counts.merge(crossing.direction(), 1, Integer::sum));
        StringBuilder text = new StringBuilder(time.toString());
        counter.line().directions().forEach(d -> text.append("  ").append(d).append(' ').append(counts.getOrDefault(d, 0)));
        try (Point at = new Point(4, 14)) {
            putText(colour, text.toString(), at, FONT_HERSHEY_SIMPLEX, 0.4, WHITE, 1, LINE_AA, false);
        }
        try {
            recorder(colour.cols(), colour.rows(), fps).record(converter.convert(colour));
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("debug video " + file + ": " + e.getMessage(), e);
        }
    }

    private FFmpegFrameRecorder recorder(int width, int height, double fps) throws FrameRecorder.Exception {
        if (recorder != null && (recorder.getImageWidth() != width || recorder.getImageHeight() != height)) {
            recorder.close();
            recorder = null;
        }
        if (recorder == null) {
            files++;
            recorder = new FFmpegFrameRecorder(target().toString(), width, height, 0);
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoQuality(4);
            recorder.setFrameRate(fps);
            recorder.start();
        }
        return recorder;
    }

    private Path target() {
        if (files == 1) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot < 0 ? name + "-" + files : name.substring(0, dot) + "-" + files + name.substring(dot);
        return file.resolveSibling(numbered);
    }

    @Override
    public void close() throws IOException {
        try {
            if (recorder != null) {
                recorder.close();
            }
        } finally {
            colour.close();
        }
    }
}
