package org.roadpulse.roadai.images;

import java.util.List;

/**
 * Per-channel normalisation in RGB order applied to values scaled to 0..1: {@code (v/255 - mean) / std}.
 * Stored in the model metadata so that prediction uses exactly what training used.
 */
public record Normalisation(List<Double> mean, List<Double> std) {
    public Normalisation {
        if (mean.size() != 3 || std.size() != 3) {
            throw new IllegalArgumentException("normalisation needs 3 means and 3 standard deviations (RGB)");
        }
        if (std.stream().anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("standard deviations must be positive: " + std);
        }
    }

    /** Mean and standard deviation per channel over all pixels of the given images. */
    public static Normalisation estimate(List<PatchPixels> images) {
        double[] sum = new double[3];
        double[] sumSq = new double[3];
        long pixels = 0;
        for (PatchPixels image : images) {
            byte[] bgr = image.bgr();
            for (int i = 0; i < bgr.length; i += 3) {
                for (int c = 0; c < 3; c++) {
                    double v = (bgr[i + 2 - c] & 0xFF) / 255.0; // c is the RGB index
                    sum[c] += v;
                    sumSq[c] += v * v;
                }
            }
            pixels += bgr.length / 3;
        }
        if (pixels == 0) {
            throw new IllegalArgumentException("cannot estimate normalisation from no images");
        }
        Double[] mean = new Double[3];
        Double[] std = new Double[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = sum[c] / pixels;
            std[c] = Math.max(1e-3, Math.sqrt(Math.max(0, sumSq[c] / pixels - mean[c] * mean[c])));
        }
        return new Normalisation(List.of(mean), List.of(std));
    }
}
