package org.roadpulse.agent.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    @Test
    void showsTheShareDoneTheRateAndTheTimeLeftAtThatRate() {
        // GIVEN half of 8,000 intervals answered in 10 s
        String line = ProgressLine.render(4000, 8000, 4000, Duration.ofSeconds(10));
        // THEN the bar is half full, 400 a second, and the other half takes another 10 s
        assertThat(line).isEqualTo("[###############...............] 4000/8000   50%  400/s  ETA 0:10");
    }

    @Test
    void theRateCountsOnlyWhatThisRunAnswered() {
        // GIVEN a resumed run: 6,000 done, of which this run answered 1,000 in 10 s
        String line = ProgressLine.render(6000, 8000, 1000, Duration.ofSeconds(10));
        // THEN the rate is 100/s and the remaining 2,000 take 20 s
        assertThat(line).endsWith("6000/8000   75%  100/s  ETA 0:20");
    }

    @Test
    void hasNoEtaBeforeTheFirstAnswer() {
        assertThat(ProgressLine.render(0, 8759, 0, Duration.ofMillis(200)))
                .isEqualTo("[..............................] 0/8759    0%  0/s  ETA --:--");
    }

    @Test
    void aFinishedReplayShowsAFullBar() {
        assertThat(ProgressLine.render(8759, 8759, 8759, Duration.ofSeconds(20)))
                .startsWith("[" + "#".repeat(ProgressLine.BAR_WIDTH) + "] 8759/8759  100%");
    }

    @Test
    void writesDurationsAsMinutesAndSecondsWithHoursWhenThereAreAny() {
        assertThat(ProgressLine.clock(Duration.ofSeconds(5))).isEqualTo("0:05");
        assertThat(ProgressLine.clock(Duration.ofSeconds(754))).isEqualTo("12:34");
        assertThat(ProgressLine.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }
}
