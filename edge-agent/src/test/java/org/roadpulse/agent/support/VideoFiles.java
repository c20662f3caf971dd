package org.roadpulse.agent.support;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.nio.file.Path;

/** Test videos made from the shared clips: streamable copies and longer sites. */
public final class VideoFiles {

    private VideoFiles() {
    }

    /**
     * Writes {@code clip} {@code times} times in a row as one MPEG transport stream: the format cameras stream over
     * HTTP/UDP, readable from any byte on, so it can be cut off mid-way like a dropped stream.
     */
    public static Path transportStream(Path clip, int times, Path out) throws Exception {
        try (FFmpegFrameGrabber probe = new FFmpegFrameGrabber(clip.toFile())) {
            probe.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), probe.getImageWidth(),
                    probe.getImageHeight(), 0)) {
                recorder.setFormat("mpegts");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG2VIDEO);
                recorder.setVideoQuality(2);
                recorder.setFrameRate(probe.getFrameRate());
                recorder.start();
                for (int i = 0; i < times; i++) {
                    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
                        grabber.start();
                        for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                            recorder.record(frame);
                        }
                    }
                }
            }
        }
        return out;
    }
}
