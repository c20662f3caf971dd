package org.roadpulse.roadai.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ImageTensorsTest {
    private static final Normalisation HALF = new Normalisation(List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5));

    @Test
    void batchIsNchwInRgbOrderAndNormalised() {
        // GIVEN a 2x1 image: left pixel pure blue, right pixel pure red (stored BGR, as OpenCV does)
        PatchPixels patch = new PatchPixels(2, 1, new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255});
        // WHEN
        INDArray batch = ImageTensors.batch(List.of(patch), HALF);
        // THEN shape [1, 3, 1, 2]; channel 0 is red: -1 at the blue pixel, +1 at the red pixel
        assertThat(batch.shape()).containsExactly(1, 3, 1, 2);
        assertThat(batch.getDouble(0, 0, 0, 0)).isCloseTo(-1, within(1e-6));
        assertThat(batch.getDouble(0, 0, 0, 1)).isCloseTo(1, within(1e-6));
        assertThat(batch.getDouble(0, 2, 0, 0)).isCloseTo(1, within(1e-6));
        assertThat(batch.getDouble(0, 1, 0, 1)).isCloseTo(-1, within(1e-6));
    }

    @Test
    void estimatedNormalisationIsMeanAndStdPerRgbChannel() {
        PatchPixels patch = new PatchPixels(2, 1, new byte[] {0, 0, (byte) 255, 0, 0, 0});

        Normalisation n = Normalisation.estimate(List.of(patch));

        assertThat(n.mean().get(0)).isCloseTo(0.5, within(1e-9)); // red: 1 and 0
        assertThat(n.std().get(0)).isCloseTo(0.5, within(1e-9));
        assertThat(n.mean().get(2)).isCloseTo(0.0, within(1e-9)); // blue: always 0 (std floored, not 0)
        assertThat(n.std().get(2)).isPositive();
    }
}
