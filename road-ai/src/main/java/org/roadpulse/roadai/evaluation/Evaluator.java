package org.roadpulse.roadai.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.model.DamageClassifier;

/** Runs a classifier over a labelled data set in batches and tallies the confusion matrix. */
public final class Evaluator {
    private Evaluator() {
    }

    public static EvaluationReport evaluate(DamageClassifier classifier, LoadedDataset data, int batchSize) {
        if (!classifier.classes().equals(data.classes())) {
            throw new IllegalArgumentException("data classes " + data.classes() + " are not the classifier's "
                    + classifier.classes());
        }
        ConfusionMatrix matrix = new ConfusionMatrix(classifier.classes());
        for (int start = 0; start < data.size(); start += batchSize) {
            int end = Math.min(data.size(), start + batchSize);
            List<PatchPixels> batch = new ArrayList<>(data.images().subList(start, end));
            float[][] probabilities = classifier.probabilities(batch);
            for (int i = 0; i < probabilities.length; i++) {
                matrix.add(data.labels()[start + i], argMax(probabilities[i]));
            }
        }
        return EvaluationReport.of(matrix);
    }

    public static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
