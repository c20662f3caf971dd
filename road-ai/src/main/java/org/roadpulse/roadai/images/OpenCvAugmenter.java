package org.roadpulse.roadai.images;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HSV2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Applies an {@link Augmentation} to one patch; all randomness comes from the caller's seeded {@link Random}. Steps
 * that are switched off draw no random numbers, so adding a step leaves runs without it unchanged.
 */
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
            if (augmentation.minCropScale() < 1) {
                int side = (int) Math.round(mat.cols() * (augmentation.minCropScale()
                        + random.nextDouble() * (1 - augmentation.minCropScale())));
                side = Math.max(1, Math.min(side, Math.min(mat.cols(), mat.rows())));
                cropAndResize(mat, random.nextInt(mat.cols() - side + 1), random.nextInt(mat.rows() - side + 1), side);
            }
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
            if (augmentation.jittersColour()) {
                double hue = (random.nextDouble() * 2 - 1) * augmentation.maxHueShiftDeg();
                double saturation = 1 + (random.nextDouble() * 2 - 1) * augmentation.saturation();
                shiftColour(mat, hue, saturation);
            }
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

    /** Replaces {@code mat} by its square {@code side} x {@code side} region at (x, y), resized to the old size. */
    static void cropAndResize(Mat mat, int x, int y, int side) {
        try (Rect box = new Rect(x, y, side, side);
             Mat region = new Mat(mat, box);
             Size size = new Size(mat.cols(), mat.rows());
             Mat resized = new Mat()) {
            resize(region, resized, size, 0, 0, INTER_LINEAR);
            resized.copyTo(mat);
        }
    }

    /**
     * Turns the hue by {@code hueDeg} degrees and multiplies the saturation by {@code saturationGain}, leaving the
     * value (brightness) channel alone. Grey asphalt has almost no saturation, so this mostly moves colour casts,
     * stains and vegetation at the road's edge, not the grey road itself.
     */
    static void shiftColour(Mat mat, double hueDeg, double saturationGain) {
        cvtColor(mat, mat, COLOR_BGR2HSV);
        byte[] hsv = new byte[mat.rows() * mat.cols() * 3];
        mat.data().get(hsv);
        // 8-bit OpenCV hue runs 0..179, two degrees per step, and wraps around.
        int hueSteps = (int) Math.round(hueDeg / 2);
        for (int i = 0; i < hsv.length; i += 3) {
            hsv[i] = (byte) Math.floorMod((hsv[i] & 0xFF) + hueSteps, 180);
            hsv[i + 1] = (byte) Math.min(255, Math.round((hsv[i + 1] & 0xFF) * saturationGain));
        }
        mat.data().put(hsv);
        cvtColor(mat, mat, COLOR_HSV2BGR);
    }
}
