package org.roadpulse.agent.camera;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameStepTest {

    @Test
    void aFiftyFrameCameraLimitedToTwelveAndAHalfCountsEveryFourthFrame() {
        FrameStep step = FrameStep.of(50, 12.5);
        assertThat(step.every()).isEqualTo(4);
        assertThat(step.fps()).isEqualTo(12.5);
        assertThat(LongStream.range(0, 12).filter(step::counts)).containsExactly(0L, 4L, 8L);
        assertThat(step.countedIndex(8)).isEqualTo(2);
    }

    @Test
    void theLimitIsNeverExceededAndASlowerSourceKeepsEveryFrame() {
        assertThat(FrameStep.of(30, 25)).isEqualTo(new FrameStep(2, 15));
        assertThat(FrameStep.of(10, 25)).isEqualTo(new FrameStep(1, 10));
        assertThat(FrameStep.of(25, Double.POSITIVE_INFINITY)).isEqualTo(new FrameStep(1, 25));
        assertThatThrownBy(() -> FrameStep.of(25, 0)).hasMessageContaining("positive");
    }
}
