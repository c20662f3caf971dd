package org.roadpulse.roadai.training;

/** Progress callbacks from the trainer; the CLI draws a progress bar from them, tests record them. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    default void batchDone(int epoch, int batch, int batchesPerEpoch, double loss) {
    }

    default void epochDone(EpochSummary summary) {
    }
}
