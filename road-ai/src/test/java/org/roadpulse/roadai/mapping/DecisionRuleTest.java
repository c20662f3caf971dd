package org.roadpulse.roadai.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRuleTest {
    private static final List<String> CLASSES = List.of("crack", "no_damage", "pothole");

    @Test
    void theMostProbableClassWinsByDefault() {
        assertThat(DecisionRule.MOST_PROBABLE.decide(CLASSES, new float[] {0.5f, 0.2f, 0.3f})).isZero();
    }

    @Test
    void aFavouredClassWinsFromItsThresholdOn() {
        DecisionRule rule = DecisionRule.favouring("pothole", 0.3);

        assertThat(rule.decide(CLASSES, new float[] {0.5f, 0.2f, 0.3f})).isEqualTo(2);
        assertThat(rule.decide(CLASSES, new float[] {0.5f, 0.21f, 0.29f})).isZero();
    }
}
