package org.roadpulse.roadai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionRuleTest {
    private static final List<String> CLASSES = List.of("crack", "no_damage", "pothole");

    @Test
    void argMaxTakesTheMostProbableClass() {
        assertThat(DecisionRule.ARG_MAX.decide(CLASSES, new float[] {0.5f, 0.2f, 0.3f})).isZero();
        assertThat(DecisionRule.ARG_MAX.decide(CLASSES, new float[] {0.1f, 0.2f, 0.7f})).isEqualTo(2);
    }

    @Test
    void aWeightedClassWinsWhenItsWeightedProbabilityIsLargest() {
        DecisionRule potholeTwice = DecisionRule.weighting("pothole", 2);

        assertThat(potholeTwice.decide(CLASSES, new float[] {0.5f, 0.2f, 0.3f})).isEqualTo(2); // 0.6 > 0.5
        assertThat(potholeTwice.decide(CLASSES, new float[] {0.6f, 0.2f, 0.2f})).isZero();   // 0.4 < 0.6
    }

    @Test
    void unnamedClassesWeighOne() {
        assertThat(new DecisionRule(Map.of("pothole", 3.0)).weightOf("crack")).isEqualTo(1.0);
        assertThat(new DecisionRule(null)).isEqualTo(DecisionRule.ARG_MAX);
    }

    @Test
    void refusesWeightsThatAreNotPositive() {
        assertThatThrownBy(() -> DecisionRule.weighting("pothole", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecisionRule.weighting("pothole", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
