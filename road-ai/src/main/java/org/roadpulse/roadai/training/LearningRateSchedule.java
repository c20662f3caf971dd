package org.roadpulse.roadai.training;

/**
 * Learning rate per epoch: a short linear warm-up (batch-norm statistics settle before large steps), then cosine
 * decay from {@code initial} to {@code minimum} at the last epoch. Plain Java so the curve can be tested directly.
 */
public record LearningRateSchedule(double initial, double minimum, int warmupEpochs, int totalEpochs) {

    public static LearningRateSchedule cosine(double initial, int totalEpochs) {
        return new LearningRateSchedule(initial, initial / 50, totalEpochs > 4 ? 1 : 0, totalEpochs);
    }

    /** @param epoch 0-based */
    public double rate(int epoch) {
        if (epoch < warmupEpochs) {
            return initial * (epoch + 1) / (warmupEpochs + 1);
        }
        int decaySpan = Math.max(1, totalEpochs - warmupEpochs - 1);
        double progress = Math.min(1.0, (double) (epoch - warmupEpochs) / decaySpan);
        return minimum + (initial - minimum) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
