package org.roadpulse.roadai.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BalancedSamplerTest {
    private static final int[] LABELS = labels(90, 10); // 90 of class 0, 10 of class 1

    @Test
    void everyClassIsDrawnEquallyOften() {
        int[] order = new BalancedSampler(LABELS, 2, 7).epochOrder(0);

        long minority = Arrays.stream(order).filter(i -> LABELS[i] == 1).count();
        assertThat(order).hasSize(100);
        assertThat(minority).isEqualTo(50);
    }

    @Test
    void sameSeedAndEpochGiveTheSameOrder() {
        assertThat(new BalancedSampler(LABELS, 2, 7).epochOrder(3))
                .containsExactly(new BalancedSampler(LABELS, 2, 7).epochOrder(3));
    }

    @Test
    void epochsDifferAndEventuallyShowEveryMajoritySample() {
        BalancedSampler sampler = new BalancedSampler(LABELS, 2, 7);
        boolean[] seen = new boolean[LABELS.length];
        for (int epoch = 0; epoch < 2; epoch++) {
            Arrays.stream(sampler.epochOrder(epoch)).forEach(i -> seen[i] = true);
        }
        assertThat(sampler.epochOrder(0)).isNotEqualTo(sampler.epochOrder(1));
        for (boolean s : seen) {
            assertThat(s).isTrue();
        }
    }

    private static int[] labels(int zeros, int ones) {
        int[] labels = new int[zeros + ones];
        Arrays.fill(labels, zeros, zeros + ones, 1);
        return labels;
    }
}
