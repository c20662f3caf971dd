package org.roadpulse.roadai.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.model.DamageClassifier;
import org.roadpulse.roadai.model.DecisionRule;

/** Runs a classifier over a labelled data set in batches and tallies the confusion matrix of its decisions. */
public final class Evaluator {
    private Evaluator() {
    }

    /** Scored with the classifier's own decision rule. */
    public static EvaluationReport evaluate(DamageClassifier classifier, LoadedDataset data, int batchSize) {
        return report(data, probabilities(classifier, data, batchSize), classifier.decisionRule());
    }

    /** One row of class probabilities per sample of {@code data}, in its order. */
    public static float[][] probabilities(DamageClassifier classifier, LoadedDataset data, int batchSize) {
        if (!classifier.classes().equals(data.classes())) {
            throw new IllegalArgumentException("data classes " + data.classes() + " are not the classifier's "
                    + classifier.classes());
        }
        float[][] rows = new float[data.size()][];
        for (int start = 0; start < data.size(); start += batchSize) {
            int end = Math.min(data.size(), start + batchSize);
            List<PatchPixels> batch = new ArrayList<>(data.images().subList(start, end));
            float[][] probabilities = classifier.probabilities(batch);
            System.arraycopy(probabilities, 0, rows, start, probabilities.length);
        }
        return rows;
    }

    /** Scores already computed probabilities under a rule, so several rules cost one inference pass. */
    public static EvaluationReport report(LoadedDataset data, float[][] probabilities, DecisionRule rule) {
        return report(data.classes(), data.labels(), probabilities, rule);
    }

    public static EvaluationReport report(List<String> classes, int[] labels, float[][] probabilities,
                                          DecisionRule rule) {
        ConfusionMatrix matrix = new ConfusionMatrix(classes);
        for (int i = 0; i < labels.length; i++) {
            matrix.add(labels[i], rule.decide(classes, probabilities[i]));
        }
        return EvaluationReport.of(matrix);
    }
}
