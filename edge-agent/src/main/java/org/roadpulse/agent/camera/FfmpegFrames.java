package org.roadpulse.agent.camera;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.time.Duration;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Grey frames from a video file, an RTSP/HTTP stream or a V4L2 device ({@code /dev/video0}, format {@code v4l2}),
 * decoded by FFmpeg and shrunk to at most {@code maxWidth} pixels wide: counting needs shapes, not detail, and a
 * smaller frame is what keeps the agent above real time on one core. Frames never leave this object but as pixels
 * for the motion detector.
 */
public final class FfmpegFrames implements AutoCloseable {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final int maxWidth;
    private final Mat grey = new Mat();
    private final Mat small = new Mat();
    private long index = -1;

    /**
     * @param format FFmpeg input format, e.g. {@code v4l2}; null to let FFmpeg guess from the source
     */
    public FfmpegFrames(String source, String format, int maxWidth) throws FrameGrabber.Exception {
        this(source, format, maxWidth, null);
    }

    /**
     * @param ioTimeout for a network source, how long a read may stall before it fails (so a silent camera counts
     *                  as dropped instead of blocking the agent forever); null for FFmpeg's default (wait)
     */
    public FfmpegFrames(String source, String format, int maxWidth, Duration ioTimeout) throws FrameGrabber.Exception {
        this.grabber = new FFmpegFrameGrabber(source);
        if (format != null) {
            grabber.setFormat(format);
        }
        if (ioTimeout != null && source.contains("://")) {
            String micros = String.valueOf(ioTimeout.toNanos() / 1000);
            grabber.setOption("rw_timeout", micros);   // every protocol that reads through AVIO (http, tcp, udp)
            if (source.startsWith("rtsp")) {
                grabber.setOption("timeout", micros);  // RTSP's own socket timeout
            }
        }
        this.maxWidth = maxWidth;
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            try {
                grabber.close();
            } catch (FrameGrabber.Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The stream's own time of the frame last returned, in microseconds; relative for streams, from 0 for files. */
    public long timestampMicros() {
        return grabber.getTimestamp();
    }

    /** Frames per second the source declares. */
    public double frameRate() {
        return grabber.getFrameRate();
    }

    /** Index of the frame last returned, from 0 in decoded order. */
    public long index() {
        return index;
    }

    /** The next grey frame, or null at the end of the source. The returned Mat is reused by the next call. */
    public Mat next() throws FrameGrabber.Exception {
        Frame frame = grabber.grabImage();
        if (frame == null) {
            return null;
        }
        index++;
        Mat bgr = converter.convert(frame);
        cvtColor(bgr, grey, COLOR_BGR2GRAY);
        if (grey.cols() <= maxWidth) {
            return grey;
        }
        int height = (int) Math.round(grey.rows() * (double) maxWidth / grey.cols());
        try (Size size = new Size(maxWidth, height)) {
            resize(grey, small, size, 0, 0, INTER_AREA);
        }
        return small;
    }

    @Override
    public void close() throws FrameGrabber.Exception {
        grabber.close();
        grey.close();
        small.close();
    }
}
