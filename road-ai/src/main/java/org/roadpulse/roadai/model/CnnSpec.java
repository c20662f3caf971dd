package org.roadpulse.roadai.model;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.roadpulse.roadai.images.ImageSize;

/**
 * Shape of the convolutional network: one block per entry of {@code blockChannels}
 * (3x3 convolution, batch norm, ReLU, 2x2 max-pool except after the last), then global average pooling,
 * dropout and a softmax layer.
 */
public record CnnSpec(ImageSize input, int classCount, int[] blockChannels, double dropout, double l2, long seed) {

    public static CnnSpec standard(ImageSize input, int classCount, long seed) {
        return new CnnSpec(input, classCount, new int[] {32, 64, 128, 256}, 0.3, 1e-4, seed);
    }

    public String describe() {
        return "CNN " + Arrays.stream(blockChannels).mapToObj(Integer::toString).collect(Collectors.joining("-"))
                + " (conv3x3+BN+ReLU+maxpool blocks), global avg pool, dropout " + dropout + ", softmax "
                + classCount + ", input " + input;
    }
}
