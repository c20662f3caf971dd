package org.roadpulse.roadai.mapping;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.images.OpenCvImageReader;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.images.UnreadableImageException;

/** A frame decoded by OpenCV and held natively as BGR; close it to free the native memory. */
public final class OpenCvFrame implements Frame, AutoCloseable {
    private final Mat bgr;

    public OpenCvFrame(Mat bgr) {
        this.bgr = bgr;
    }

    public static OpenCvFrame read(Path file) throws IOException, UnreadableImageException {
        return new OpenCvFrame(OpenCvImageReader.decode(file, IMREAD_COLOR));
    }

    /** The decoded pixels; still owned by this frame. */
    public Mat mat() {
        return bgr;
    }

    @Override
    public ImageSize size() {
        return new ImageSize(bgr.cols(), bgr.rows());
    }

    @Override
    public PatchPixels cut(Tile tile, ImageSize size) {
        try (Rect box = new Rect(tile.x(), tile.y(), tile.side(), tile.side()); Mat view = new Mat(bgr, box)) {
            return OpenCvImageReader.resized(view, size);
        }
    }

    @Override
    public void close() {
        bgr.close();
    }
}
