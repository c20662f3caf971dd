package org.roadpulse.roadai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void warmsUpThenDecaysToTheMinimumAtTheLastEpoch() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-2, 1e-4, 1, 10);

        assertThat(schedule.rate(0)).isCloseTo(5e-3, within(1e-12));
        assertThat(schedule.rate(1)).isCloseTo(1e-2, within(1e-12));
        assertThat(schedule.rate(9)).isCloseTo(1e-4, within(1e-12));
        for (int e = 2; e < 10; e++) {
            assertThat(schedule.rate(e)).isLessThan(schedule.rate(e - 1));
        }
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping stopping = new EarlyStopping(2);

        assertThat(stopping.record(0, 0.5)).isTrue();
        assertThat(stopping.record(1, 0.6)).isTrue();
        assertThat(stopping.record(2, 0.6)).isFalse();
        assertThat(stopping.shouldStop()).isFalse();
        assertThat(stopping.record(3, 0.55)).isFalse();

        assertThat(stopping.shouldStop()).isTrue();
        assertThat(stopping.bestEpoch()).isEqualTo(1);
    }
}
