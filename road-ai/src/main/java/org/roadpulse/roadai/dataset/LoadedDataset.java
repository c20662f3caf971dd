package org.roadpulse.roadai.dataset;

import java.util.List;
import org.roadpulse.roadai.images.PatchPixels;

/**
 * Decoded patches at the model's input size with their class indices (into {@code classes}).
 *
 * @param skipped files that could not be decoded; they were left out, not fatal
 */
public record LoadedDataset(String source, List<String> classes, List<PatchPixels> images, int[] labels,
                            List<SkippedFile> skipped) {

    public int size() {
        return images.size();
    }

    public int[] countsPerClass() {
        int[] counts = new int[classes.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    public record SkippedFile(String file, String reason) {
    }
}
