package org.roadpulse.roadai.images;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Decodes image files with OpenCV and brings them to the model's input size. Any size is accepted and resized;
 * grey or 4-channel images come out as 3-channel BGR. Decoding from bytes (not a path) keeps non-ASCII paths working.
 */
public final class OpenCvImageReader {

    public PatchPixels read(Path file, ImageSize size) throws IOException, UnreadableImageException {
        try (Mat decoded = decode(file, IMREAD_COLOR)) {
            return resized(decoded, size);
        }
    }

    /** A binary mask file (white = labelled): pixels brighter than mid-grey are set. */
    public BinaryMask readMask(Path file) throws IOException, UnreadableImageException {
        try (Mat grey = decode(file, IMREAD_GRAYSCALE)) {
            byte[] values = new byte[grey.rows() * grey.cols()];
            grey.data().get(values);
            boolean[] set = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                set[i] = (values[i] & 0xFF) > 127;
            }
            return new BinaryMask(grey.cols(), grey.rows(), set);
        }
    }

    /** The whole image as OpenCV decodes it ({@code IMREAD_COLOR}: 3-channel BGR); the caller closes it. */
    public static Mat decode(Path file, int flags) throws IOException, UnreadableImageException {
        byte[] encoded = Files.readAllBytes(file);
        if (encoded.length == 0) {
            throw new UnreadableImageException(file + " is empty");
        }
        try (BytePointer buffer = new BytePointer(encoded);
             Mat raw = new Mat(1, encoded.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, buffer)) {
            Mat decoded = imdecode(raw, flags);
            if (decoded == null || decoded.empty()) {
                if (decoded != null) {
                    decoded.close();
                }
                throw new UnreadableImageException(file + " is not an image OpenCV can decode");
            }
            return decoded;
        }
    }

    /** Shrinks with area averaging (no aliasing of thin cracks), enlarges bilinearly. */
    public static PatchPixels resized(Mat bgr, ImageSize size) {
        if (bgr.cols() == size.width() && bgr.rows() == size.height()) {
            return MatPixels.toPixels(bgr);
        }
        boolean shrinking = bgr.cols() > size.width() || bgr.rows() > size.height();
        try (Mat out = new Mat(); Size target = new Size(size.width(), size.height())) {
            resize(bgr, out, target, 0, 0, shrinking ? INTER_AREA : INTER_LINEAR);
            return MatPixels.toPixels(out);
        }
    }
}
