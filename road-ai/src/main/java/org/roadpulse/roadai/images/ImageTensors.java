package org.roadpulse.roadai.images;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the network's input batch [n, 3, height, width] (NCHW, RGB, normalised) from patches. Written by hand
 * instead of DataVec's NativeImageLoader, which would drag in an older JavaCV (DEPENDENCIES.md).
 */
public final class ImageTensors {
    private ImageTensors() {
    }

    public static INDArray batch(List<PatchPixels> patches, Normalisation normalisation) {
        if (patches.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one patch");
        }
        int width = patches.get(0).width();
        int height = patches.get(0).height();
        int plane = width * height;
        float[] data = new float[patches.size() * 3 * plane];
        float[] scale = new float[3];
        float[] shift = new float[3];
        for (int c = 0; c < 3; c++) {
            double std = normalisation.std().get(c);
            scale[c] = (float) (1.0 / (255.0 * std));
            shift[c] = (float) (normalisation.mean().get(c) / std);
        }
        for (int n = 0; n < patches.size(); n++) {
            PatchPixels patch = patches.get(n);
            if (patch.width() != width || patch.height() != height) {
                throw new IllegalArgumentException("all patches of a batch must have one size; got "
                        + patch.size() + " and " + width + "x" + height);
            }
            byte[] bgr = patch.bgr();
            int base = n * 3 * plane;
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < 3; c++) { // c in RGB order; OpenCV stores BGR
                    data[base + c * plane + p] = (bgr[p * 3 + 2 - c] & 0xFF) * scale[c] - shift[c];
                }
            }
        }
        return Nd4j.create(data, new long[] {patches.size(), 3, height, width}, 'c');
    }
}
