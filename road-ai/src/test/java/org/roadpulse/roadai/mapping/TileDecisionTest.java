package org.roadpulse.roadai.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.model.DamageClassifier;
import org.roadpulse.roadai.model.DecisionRule;

class TileDecisionTest {
    private static final List<String> CLASSES = List.of("crack", "no_damage", "pothole");
    private static final float[] CRACK_AHEAD = {0.5f, 0.2f, 0.3f};

    @Test
    void byDefaultTheClassifiersOwnRuleDecides() {
        // GIVEN a model whose stored rule weighs pothole x2 (0.3 x 2 = 0.6 beats crack's 0.5)
        DamageClassifier weighted = classifierDeciding(DecisionRule.weighting("pothole", 2));
        DamageClassifier argMax = classifierDeciding(DecisionRule.ARG_MAX);
        // THEN the mapper's default follows each model's rule
        assertThat(TileDecision.CLASSIFIERS_OWN.decide(weighted, CRACK_AHEAD)).isEqualTo(2);
        assertThat(TileDecision.CLASSIFIERS_OWN.decide(argMax, CRACK_AHEAD)).isZero();
    }

    @Test
    void anExplicitPotholeThresholdOverridesTheModelFromItsThresholdOn() {
        TileDecision override = TileDecision.favouring("pothole", 0.3);
        DamageClassifier argMax = classifierDeciding(DecisionRule.ARG_MAX);

        assertThat(override.decide(argMax, CRACK_AHEAD)).isEqualTo(2);
        assertThat(override.decide(argMax, new float[] {0.5f, 0.21f, 0.29f})).isZero();
    }

    @Test
    void belowTheThresholdTheModelsRuleStillApplies() {
        // GIVEN an override threshold the pothole does not reach, on a model that weighs pothole x2
        TileDecision override = TileDecision.favouring("pothole", 0.9);
        // THEN the model's own rule, not plain arg-max, decides
        assertThat(override.decide(classifierDeciding(DecisionRule.weighting("pothole", 2)), CRACK_AHEAD)).isEqualTo(2);
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> TileDecision.favouring("pothole", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileDecision.favouring("pothole", 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DamageClassifier classifierDeciding(DecisionRule rule) {
        return new DamageClassifier() {
            @Override
            public List<String> classes() {
                return CLASSES;
            }

            @Override
            public ImageSize inputSize() {
                return ImageSize.square(8);
            }

            @Override
            public float[][] probabilities(List<PatchPixels> patches) {
                throw new UnsupportedOperationException("decisions only");
            }

            @Override
            public DecisionRule decisionRule() {
                return rule;
            }
        };
    }
}
