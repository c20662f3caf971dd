package org.roadpulse.roadai.images;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Applies an {@link Augmentation} to one patch; all randomness comes from the caller's seeded {@link Random}. */
public final class OpenCvAugmenter {
    private final Augmentation augmentation;

    public OpenCvAugmenter(Augmentation augmentation) {
        this.augmentation = augmentation;
    }

    public PatchPixels apply(PatchPixels input, Random random) {
        if (augmentation.isNone()) {
            return input;
        }
        Mat mat = MatPixels.toMat(input);
        try {
            if (random.nextDouble() < augmentation.flipProbability()) {
                flip(mat, mat, 1);
            }
            if (random.nextDouble() < augmentation.flipProbability()) {
                flip(mat, mat, 0);
            }
            double angle = (random.nextDouble() * 2 - 1) * augmentation.maxRotationDeg();
            if (angle != 0) {
                rotate(mat, angle);
            }
            double gain = 1 + (random.nextDouble() * 2 - 1) * augmentation.contrast();
            double offset = (random.nextDouble() * 2 - 1) * augmentation.brightness() * 255;
            // Gain about the mid grey so contrast changes do not also shift brightness.
            mat.convertTo(mat, -1, gain, offset + 127.5 * (1 - gain));
            if (random.nextDouble() < augmentation.blurProbability()) {
                try (Size kernel = new Size(3, 3)) {
                    GaussianBlur(mat, mat, kernel, 0);
                }
            }
            return MatPixels.toPixels(mat);
        } finally {
            mat.close();
        }
    }

    private static void rotate(Mat mat, double angle) {
        try (Point2f centre = new Point2f(mat.cols() / 2f, mat.rows() / 2f);
             Mat rotation = getRotationMatrix2D(centre, angle, 1.0);
             Size size = new Size(mat.cols(), mat.rows());
             Mat rotated = new Mat()) {
            warpAffine(mat, rotated, rotation, size, INTER_LINEAR, BORDER_REFLECT_101, new Scalar());
            rotated.copyTo(mat);
        }
    }
}
