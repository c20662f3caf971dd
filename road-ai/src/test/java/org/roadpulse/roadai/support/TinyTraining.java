package org.roadpulse.roadai.support;

import java.io.IOException;
import java.nio.file.Path;
import org.roadpulse.roadai.dataset.ClassFolders;
import org.roadpulse.roadai.dataset.DatasetLoader;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.images.Augmentation;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.training.TrainingConfig;

/** A training set-up small enough to run in a few seconds on 2 cores, shared by the tests that need a trained model. */
public final class TinyTraining {
    public static final ImageSize SIZE = ImageSize.square(24);

    private TinyTraining() {
    }

    public static TrainingConfig config(int epochs) {
        return new TrainingConfig(SIZE, new int[] {8, 16}, epochs, 16, 5e-3, epochs, Augmentation.NONE, 0, 42, java.time.Duration.ZERO,
                1.0, 1);
    }

    public static LoadedDataset dataset(Path folder, int perClass, long seed) throws IOException {
        SyntheticRoadImages.write(folder, perClass, 32, seed);
        return new DatasetLoader().load(ClassFolders.scan(folder), SIZE);
    }
}
