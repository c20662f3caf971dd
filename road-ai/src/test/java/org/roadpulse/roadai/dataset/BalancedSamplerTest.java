package org.roadpulse.roadai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void squareRootBalanceDrawsEachClassInProportionToTheRootOfItsSize() {
        // GIVEN 90 : 10 samples; square roots 9.49 : 3.16 -> 75 : 25 of 100 draws
        int[] order = new BalancedSampler(LABELS, 2, 7, 0.5).epochOrder(0);

        assertThat(Arrays.stream(order).filter(i -> LABELS[i] == 1).count()).isEqualTo(25);
        assertThat(order).hasSize(100);
    }

    @Test
    void balancePowerZeroKeepsTheNaturalFrequencies() {
        BalancedSampler natural = new BalancedSampler(LABELS, 2, 7, 0);

        assertThat(natural.quotas()).containsExactly(90, 10);
        // and every sample appears exactly once, as in a plain shuffle
        assertThat(Arrays.stream(natural.epochOrder(0)).distinct().count()).isEqualTo(100);
    }

    @Test
    void quotasAlwaysAddUpToTheDataSetSize() {
        int[] threeClasses = new int[101];
        Arrays.fill(threeClasses, 60, 90, 1);
        Arrays.fill(threeClasses, 90, 101, 2);
        for (double power : new double[] {0, 0.3, 0.5, 1}) {
            assertThat(Arrays.stream(new BalancedSampler(threeClasses, 3, 1, power).quotas()).sum()).isEqualTo(101);
        }
        assertThat(new BalancedSampler(threeClasses, 3, 1, 1).quotas()).containsExactly(34, 34, 33);
    }

    @Test
    void refusesABalancePowerOutsideZeroToOne() {
        assertThatThrownBy(() -> new BalancedSampler(LABELS, 2, 7, 1.5)).isInstanceOf(IllegalArgumentException.class);
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
