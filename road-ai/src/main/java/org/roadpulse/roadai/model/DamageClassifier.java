package org.roadpulse.roadai.model;

import java.util.List;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.images.PatchPixels;

/** Classifies road patches into damage classes; technology-free so evaluation and mapping do not depend on DL4J. */
public interface DamageClassifier {

    List<String> classes();

    /** The patch size the classifier expects; callers resize to it. */
    ImageSize inputSize();

    /** One row of class probabilities (summing to 1, in {@link #classes()} order) per patch. */
    float[][] probabilities(List<PatchPixels> patches);

    /** How {@link #decide} turns probabilities into a class; arg-max unless the model says otherwise. */
    default DecisionRule decisionRule() {
        return DecisionRule.ARG_MAX;
    }

    /** The class index this model decides for one row of {@link #probabilities}. */
    default int decide(float[] probabilities) {
        return decisionRule().decide(classes(), probabilities);
    }
}
