package org.roadpulse.roadai.images;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Copies between OpenCV's native {@link Mat} and the heap-held {@link PatchPixels}. */
public final class MatPixels {
    private MatPixels() {
    }

    public static PatchPixels toPixels(Mat bgr) {
        if (bgr.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit 3-channel image, got Mat type " + bgr.type());
        }
        Mat continuous = bgr.isContinuous() ? bgr : bgr.clone();
        byte[] bytes = new byte[continuous.rows() * continuous.cols() * 3];
        continuous.data().get(bytes);
        if (continuous != bgr) {
            continuous.close();
        }
        return new PatchPixels(bgr.cols(), bgr.rows(), bytes);
    }

    /** A new Mat owning a copy of the pixels; the caller closes it. */
    public static Mat toMat(PatchPixels pixels) {
        Mat mat = new Mat(pixels.height(), pixels.width(), CV_8UC3);
        BytePointer data = mat.data();
        data.put(pixels.bgr());
        return mat;
    }
}
