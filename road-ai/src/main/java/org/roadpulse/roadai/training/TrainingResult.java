package org.roadpulse.roadai.training;

import java.util.List;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;

/** The epochs run and the classifier of the best epoch (as also saved to the model file). */
public record TrainingResult(List<EpochSummary> epochs, EpochSummary bestEpoch, Dl4jDamageClassifier best) {
}
