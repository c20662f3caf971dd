package org.roadpulse.agent.camera;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies the counting-line notation of the video README and the installer's configuration. */
class LineSpecTest {

    @Test
    void readsHorizontalVerticalPartialAndTwoPointLines() {
        assertThat(LineSpec.parse("y=0.50")).isEqualTo(new LineSpec(0, 0.5, 1, 0.5, true, false));
        assertThat(LineSpec.parse("x = 0.5")).isEqualTo(new LineSpec(0.5, 0, 0.5, 1, false, true));
        assertThat(LineSpec.parse("y=0.5:x=0.1-0.6")).isEqualTo(new LineSpec(0.1, 0.5, 0.6, 0.5, true, false));
        assertThat(LineSpec.parse("0.1,0.8-0.9,0.4")).isEqualTo(new LineSpec(0.1, 0.8, 0.9, 0.4, false, false));
    }

    @Test
    void aLineOutsideTheFrameOrMalformedIsRefusedByName() {
        assertThatThrownBy(() -> LineSpec.parse("y=1.5")).hasMessageContaining("outside the frame");
        assertThatThrownBy(() -> LineSpec.parse("y=0.5:y=0.1-0.2")).hasMessageContaining("along the line");
        assertThatThrownBy(() -> LineSpec.parse("diagonal")).hasMessageContaining("'diagonal'");
    }

    @Test
    void placesTheLineInTheFrame() {
        CountingLine line = LineSpec.parse("y=0.50").inFrame("l", 320, 240, 10);
        assertThat(line.directions()).containsExactly("down", "up");
        assertThat(LineSpec.parse("x=0.50").inFrame("l", 640, 360, 10).directions())
                .containsExactly("left→right", "right→left");
    }
}
