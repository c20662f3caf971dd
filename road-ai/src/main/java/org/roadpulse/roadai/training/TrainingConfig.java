package org.roadpulse.roadai.training;

import java.time.Duration;
import org.roadpulse.roadai.images.Augmentation;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.model.GlobalPooling;

/**
 * Everything a training run is decided by; with the same data and config the run is repeatable.
 *
 * @param blockChannels output channels of each convolution block (see {@code CnnSpec})
 * @param patience      epochs without a better validation macro-F1 before stopping
 * @param timeBudget    no new epoch is started when it would likely end after this; {@code Duration.ZERO} = no limit
 * @param balancePower  class balance of the sampled batches: 1 every class equally often, 0 natural frequencies
 *                      (see {@code BalancedSampler})
 * @param averageLast   the model judged and kept after each epoch is the mean of the weights of the last this many
 *                      epochs (1 = the epoch's own weights)
 * @param convsPerBlock 3x3 convolution + batch norm + ReLU layers per block (see {@code CnnSpec}); 1 = the network
 *                      of every run up to phase 5
 * @param pooling       global pooling after the last block; {@code AVG} up to phase 5
 * @param stem          a 5x5 stride-2 convolution before the first block (see {@code CnnSpec}); none up to phase 9
 */
public record TrainingConfig(ImageSize inputSize, int[] blockChannels, int epochs, int batchSize,
                             double learningRate, int patience, Augmentation augmentation, double dropout, long seed,
                             Duration timeBudget, double balancePower, int averageLast,
                             int convsPerBlock, GlobalPooling pooling, boolean stem) {

    public TrainingConfig {
        if (averageLast < 1) {
            throw new IllegalArgumentException("averageLast must be at least 1, got " + averageLast);
        }
        if (convsPerBlock < 1) {
            throw new IllegalArgumentException("convsPerBlock must be at least 1, got " + convsPerBlock);
        }
        if (pooling == null) {
            throw new IllegalArgumentException("pooling must be given (avg or max)");
        }
    }

    /** Today's network shape: one convolution per block, global average pooling. */
    public TrainingConfig(ImageSize inputSize, int[] blockChannels, int epochs, int batchSize, double learningRate,
                          int patience, Augmentation augmentation, double dropout, long seed, Duration timeBudget,
                          double balancePower, int averageLast) {
        this(inputSize, blockChannels, epochs, batchSize, learningRate, patience, augmentation, dropout, seed,
                timeBudget, balancePower, averageLast, 1, GlobalPooling.AVG, false);
    }

    /** The same run with another network shape, without a stem. */
    public TrainingConfig withArchitecture(int convs, GlobalPooling globalPooling) {
        return withArchitecture(convs, globalPooling, false);
    }

    /** The same run with another network shape. */
    public TrainingConfig withArchitecture(int convs, GlobalPooling globalPooling, boolean withStem) {
        return new TrainingConfig(inputSize, blockChannels, epochs, batchSize, learningRate, patience, augmentation,
                dropout, seed, timeBudget, balancePower, averageLast, convs, globalPooling, withStem);
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(ImageSize.square(64), new int[] {32, 64, 128, 256}, 12, 32, 2e-3, 4,
                Augmentation.DEFAULT, 0.3, 42, Duration.ZERO, 1.0, 1);
    }
}
