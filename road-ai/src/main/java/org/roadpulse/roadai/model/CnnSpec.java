package org.roadpulse.roadai.model;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.roadpulse.roadai.images.ImageSize;

/**
 * Shape of the convolutional network: one block per entry of {@code blockChannels}
 * ({@code convsPerBlock} times 3x3 convolution, batch norm, ReLU; then 2x2 max-pool except after the last block),
 * then global pooling ({@code pooling}), dropout and a softmax layer. With {@code stem} a 5x5 stride-2 convolution
 * (+ batch norm + ReLU, the first block's channels) comes first: it halves the image before the first block, so an input
 * of twice the side costs about what the plain network costs, and thin cracks keep more of their pixels.
 *
 * <p>The spec is not stored in model files: DL4J's own configuration in the zip rebuilds the network, and
 * {@link #describe()} goes into the metadata's {@code architecture} text. Files written before these options therefore
 * load as they always did.
 */
public record CnnSpec(ImageSize input, int classCount, int[] blockChannels, double dropout, double l2, long seed,
                      int convsPerBlock, GlobalPooling pooling, boolean stem) {

    public CnnSpec {
        if (convsPerBlock < 1) {
            throw new IllegalArgumentException("convsPerBlock must be at least 1, got " + convsPerBlock);
        }
        if (pooling == null) {
            throw new IllegalArgumentException("pooling must be given (avg or max)");
        }
    }

    /** Without the stride-2 stem: every network up to phase 9. */
    public CnnSpec(ImageSize input, int classCount, int[] blockChannels, double dropout, double l2, long seed,
                   int convsPerBlock, GlobalPooling pooling) {
        this(input, classCount, blockChannels, dropout, l2, seed, convsPerBlock, pooling, false);
    }

    /** The network of every model up to phase 5: one convolution per block, global average pooling. */
    public CnnSpec(ImageSize input, int classCount, int[] blockChannels, double dropout, double l2, long seed) {
        this(input, classCount, blockChannels, dropout, l2, seed, 1, GlobalPooling.AVG, false);
    }

    public static CnnSpec standard(ImageSize input, int classCount, long seed) {
        return new CnnSpec(input, classCount, new int[] {32, 64, 128, 256}, 0.3, 1e-4, seed);
    }

    /** The default network reads exactly as before these options, so its description did not change. */
    public String describe() {
        String block = convsPerBlock == 1 ? "conv3x3+BN+ReLU+maxpool blocks"
                : convsPerBlock + "x conv3x3+BN+ReLU, then maxpool, per block";
        String widths = Arrays.stream(blockChannels).mapToObj(Integer::toString).collect(Collectors.joining("-"));
        return "CNN " + (stem ? "5x5/2 stem, " : "") + widths + " (" + block + "), global " + pooling.label()
                + " pool, dropout " + dropout + ", softmax " + classCount + ", input " + input;
    }
}
