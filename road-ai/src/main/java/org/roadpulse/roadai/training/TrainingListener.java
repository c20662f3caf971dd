package org.roadpulse.roadai.training;

/** Progress callbacks from the trainer; the CLI draws a progress bar from them, tests record them. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    default void batchDone(int epoch, int batch, int batchesPerEpoch, double loss) {
    }

    default void epochDone(EpochSummary summary) {
    }

    /** @param epochsRun how many epochs finished before the budget stopped training */
    default void stoppedByTimeBudget(int epochsRun, java.time.Duration budget) {
    }
}
