package org.roadpulse.roadai.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.model.DecisionRule;

class DecisionRuleSearchTest {
    private static final List<String> CLASSES = List.of("crack", "no_damage", "pothole");

    @Test
    void picksTheSmallestDamageWeightThatReachesThePotholeRecall() {
        // GIVEN two potholes, one the model half misses (crack 0.55, pothole 0.40), and cracks it is sure of
        int[] labels = {2, 2, 0, 0, 0, 1};
        float[][] probabilities = {
            {0.1f, 0.1f, 0.8f}, {0.55f, 0.05f, 0.40f},
            {0.9f, 0.05f, 0.05f}, {0.8f, 0.1f, 0.1f}, {0.7f, 0.1f, 0.2f}, {0.1f, 0.8f, 0.1f}};
        // WHEN recall 1.0 is wanted
        DecisionRuleSearch.Result result = DecisionRuleSearch.pick(CLASSES, labels, probabilities, "pothole", 1.0);
        // THEN a weight of 1.5 (0.60 > 0.55) finds both without turning the 0.2-pothole crack (x1.5 = 0.3 < 0.7)
        assertThat(result.recallReached()).isTrue();
        assertThat(result.picked().rule()).isEqualTo(DecisionRule.weighting("pothole", 1.5));
        assertThat(result.picked().report().macroF1()).isEqualTo(1.0);
        assertThat(result.tried().get(0).favouredRecall()).isEqualTo(0.5); // arg-max misses one
    }

    @Test
    void keepsArgMaxWhenItAlreadyReachesTheRecall() {
        int[] labels = {2, 0};
        float[][] probabilities = {{0.1f, 0.1f, 0.8f}, {0.6f, 0.1f, 0.3f}};

        DecisionRuleSearch.Result result = DecisionRuleSearch.pick(CLASSES, labels, probabilities, "pothole", 0.9);

        assertThat(result.picked().rule()).isEqualTo(DecisionRule.ARG_MAX);
    }

    @Test
    void anUnreachableRecallDoesNotWreckTheOtherClasses() {
        // GIVEN a pothole the model rates 0.01: only a weight far beyond the ones tried would find it
        int[] labels = {2, 0, 0, 1};
        float[][] probabilities = {{0.98f, 0.01f, 0.01f}, {0.6f, 0.1f, 0.3f}, {0.9f, 0.05f, 0.05f}, {0.1f, 0.8f, 0.1f}};
        // WHEN
        DecisionRuleSearch.Result result = DecisionRuleSearch.pick(CLASSES, labels, probabilities, "pothole", 0.9);
        // THEN the target is reported as missed and no weight that turns the 0.3-pothole crack into a pothole is taken
        assertThat(result.recallReached()).isFalse();
        assertThat(result.picked().weight()).isLessThan(2.0);
    }
}
