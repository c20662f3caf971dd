package org.roadpulse.roadai.mapping;

import org.roadpulse.roadai.model.DamageClassifier;

/**
 * Which class a mapped tile gets. By default the classifier's own decision rule (stored in the model file, so the
 * mapper and {@code evaluate} decide alike); a caller may override it with an explicit pothole threshold: pothole
 * once its probability reaches the threshold, else the classifier's rule.
 *
 * @param favoured  the class given precedence by the override, or null for no override
 * @param threshold probability from which the favoured class wins
 */
public record TileDecision(String favoured, double threshold) {
    public static final TileDecision CLASSIFIERS_OWN = new TileDecision(null, 1.0);

    public static TileDecision favouring(String className, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1], got " + threshold);
        }
        return new TileDecision(className, threshold);
    }

    /** Index into the classifier's classes of the decided class. */
    public int decide(DamageClassifier classifier, float[] probabilities) {
        if (favoured != null) {
            int f = classifier.classes().indexOf(favoured);
            if (f >= 0 && probabilities[f] >= threshold) {
                return f;
            }
        }
        return classifier.decide(probabilities);
    }

    @Override
    public String toString() {
        return favoured == null ? "the model's rule" : favoured + " from probability " + threshold
                + ", else the model's rule";
    }
}
