package org.roadpulse.roadai.maintenance;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies that damaged surface turns into ZEB grades along the configured anchors, and sections take the worst. */
class GradingRulesTest {

    private static final Instant DRIVE = Instant.parse("2026-11-02T09:00:00Z");
    private final GradingRules rules = GradingRules.defaults();

    @Test
    void anUndamagedSurfaceIsGradedOne() {
        assertThat(rules.grade(DamageKind.TRANSVERSE_CRACK, 0).value()).isEqualTo(1.0);
    }

    @Test
    void theAnchorsGiveTargetAndThresholdValues() {
        GradingRules.Anchors pothole = rules.anchors(DamageKind.POTHOLE);
        assertThat(rules.grade(DamageKind.POTHOLE, pothole.shareAtTarget()).value()).isEqualTo(ConditionGrade.TARGET);
        assertThat(rules.grade(DamageKind.POTHOLE, pothole.shareAtThreshold()).value())
                .isEqualTo(ConditionGrade.THRESHOLD);
    }

    @Test
    void betweenTheAnchorsTheGradeFollowsTheLine() {
        // GIVEN alligator anchors 1 % → 1.5 and 15 % → 4.5: 8 % lies half-way
        assertThat(rules.grade(DamageKind.ALLIGATOR_CRACK, 0.08).value()).isEqualTo(3.0);
    }

    @Test
    void beyondTheThresholdTheGradeStopsAtFive() {
        assertThat(rules.grade(DamageKind.POTHOLE, 0.5).value()).isEqualTo(5.0);
    }

    @Test
    void potholesWeighMoreThanCracksOfTheSameArea() {
        assertThat(rules.grade(DamageKind.POTHOLE, 0.01))
                .isGreaterThan(rules.grade(DamageKind.ALLIGATOR_CRACK, 0.01))
                .isGreaterThan(rules.grade(DamageKind.LONGITUDINAL_CRACK, 0.01));
    }

    @Test
    void aSectionTakesTheWorstGradeOfItsKindsAndAddsUpAreasOfOneKind() {
        // GIVEN a 10-m section of a 7-m-wide road (70 m²) with two transverse cracks and a small pothole
        List<Finding> findings = List.of(
                new Finding(DamageKind.TRANSVERSE_CRACK, 0.7, 0.9, DRIVE),
                new Finding(DamageKind.TRANSVERSE_CRACK, 0.7, 0.8, DRIVE),
                new Finding(DamageKind.POTHOLE, 0.35, 0.95, DRIVE));
        // WHEN it is graded
        SectionCondition condition = SectionCondition.of(70, findings, rules);
        // THEN the cracks cover 2 % (grade 1.5), the pothole 0.5 % (worse), and the section takes the pothole's grade
        assertThat(condition.damagedShare().get(DamageKind.TRANSVERSE_CRACK)).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(condition.gradeByKind().get(DamageKind.TRANSVERSE_CRACK).value()).isEqualTo(1.5);
        assertThat(condition.grade()).isEqualTo(condition.gradeByKind().get(DamageKind.POTHOLE));
        assertThat(condition.grade().value()).isGreaterThan(1.5);
    }

    @Test
    void aSectionWithoutFindingsIsVeryGood() {
        assertThat(SectionCondition.of(70, List.of(), rules).grade()).isEqualTo(ConditionGrade.BEST);
    }

    @Test
    void gradesOutsideTheScaleAreRefused() {
        assertThatThrownBy(() -> new ConditionGrade(5.1)).hasMessageContaining("between 1.0 and 5.0");
        assertThatThrownBy(() -> new GradingRules.Anchors(0.2, 0.1)).hasMessageContaining("anchors");
    }
}
