package org.roadpulse.roadai.training;

/** Stops training when validation macro-F1 has not improved for {@code patience} epochs in a row. */
public final class EarlyStopping {
    private final int patience;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestEpoch = -1;
    private int epochsWithoutImprovement;

    public EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Records an epoch's score; returns true when it is the best so far (the model worth keeping). */
    public boolean record(int epoch, double score) {
        if (score > best) {
            best = score;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
            return true;
        }
        epochsWithoutImprovement++;
        return false;
    }

    public boolean shouldStop() {
        return epochsWithoutImprovement >= patience;
    }

    public double best() {
        return best;
    }

    public int bestEpoch() {
        return bestEpoch;
    }
}
