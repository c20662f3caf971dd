package org.roadpulse.roadai.survey;

import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.maintenance.DamageKind;
import org.roadpulse.roadai.maintenance.Finding;
import org.roadpulse.roadai.maintenance.GradingRules;
import org.roadpulse.roadai.maintenance.PriorityRules;
import org.roadpulse.roadai.maintenance.PriorityWeights;
import org.roadpulse.roadai.roads.RoadClass;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the drive evaluation: one item per frame's damage, ranked, and scored against the masks' truth. */
class DriveEvaluationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void ranksSafetyCriticalPotholesFirstAndScoresTheList() {
        // GIVEN four frames: a large true pothole, a missed pothole, a true crack, and a crack the masks do not have
        List<DriveEvaluation.SurveyedFrame> frames = List.of(
                frame("a-crack", false, true, finding(DamageKind.ALLIGATOR_CRACK, 3.0)),
                frame("b-pothole", true, false, finding(DamageKind.POTHOLE, 0.3), finding(DamageKind.POTHOLE, 0.2)),
                frame("c-missed", true, false),
                frame("d-false-crack", false, false, finding(DamageKind.TRANSVERSE_CRACK, 0.5)));
        // WHEN the drive is evaluated
        DriveEvaluation.Result result = DriveEvaluation.evaluate(frames, GradingRules.defaults(),
                new PriorityRules(PriorityWeights.defaults()), RoadClass.STATE, NOW);
        // THEN the pothole (both tiles one item) leads, then the worse crack
        assertThat(result.list()).extracting(DriveEvaluation.RankedItem::frame)
                .containsExactly("b-pothole", "a-crack", "d-false-crack");
        assertThat(result.list().get(0).priority().safetyCritical()).isTrue();
        assertThat(result.list()).extracting(DriveEvaluation.RankedItem::rank).containsExactly(1, 2, 3);
        // AND one of two pothole frames was found, two of three items are right
        assertThat(result.potholeFrames()).isEqualTo(2);
        assertThat(result.potholeFramesFound()).isEqualTo(1);
        assertThat(result.potholeRecall()).isEqualTo(0.5);
        assertThat(result.precisionAt10()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aDriveWithoutPotholeFramesHasNoPotholeRecall() {
        DriveEvaluation.Result result = DriveEvaluation.evaluate(List.of(frame("x", false, false)),
                GradingRules.defaults(), new PriorityRules(PriorityWeights.defaults()), RoadClass.STATE, NOW);
        assertThat(result.list()).isEmpty();
        assertThat(result.potholeRecall()).isNaN();
        assertThat(result.precisionAt10()).isNaN();
    }

    private static DriveEvaluation.SurveyedFrame frame(String name, boolean pothole, boolean crack, Finding... found) {
        return new DriveEvaluation.SurveyedFrame(name, List.of(found), pothole, crack);
    }

    private static Finding finding(DamageKind kind, double area) {
        return new Finding(kind, area, 0.9, NOW);
    }
}
