package org.roadpulse.roadai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.images.Normalisation;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.support.TinyTraining;

/** Averaging over flipped and re-lit copies of each patch, as the model's metadata asks for. */
class TestTimeAugmentationTest {
    private static final List<TestTimeAugmentation> ALL_FLIPS = List.of(TestTimeAugmentation.HFLIP,
            TestTimeAugmentation.VFLIP, TestTimeAugmentation.HVFLIP);
    @TempDir
    Path dir;
    private Dl4jDamageClassifier plain;
    private LoadedDataset data;

    @BeforeEach
    void untrainedClassifier() throws IOException {
        data = TinyTraining.dataset(dir.resolve("data"), 3, 5);
        var network = Dl4jNetworkFactory.build(new CnnSpec(TinyTraining.SIZE, 3, new int[] {4, 8}, 0, 0, 5), 1e-3);
        plain = new Dl4jDamageClassifier(network, new ModelMetadata(1, data.classes(), TinyTraining.SIZE.width(),
                TinyTraining.SIZE.height(), 3, new Normalisation(List.of(0.5, 0.5, 0.5), List.of(0.25, 0.25, 0.25)),
                "test", "synthetic", Map.of(), Instant.EPOCH.toString()));
    }

    @Test
    void aPatchThatLooksTheSameFlippedGetsTheSameProbabilitiesWithFlipAveraging() {
        // GIVEN a patch symmetric left-right and top-bottom, so every flipped copy equals it
        PatchPixels symmetric = symmetricPatch(TinyTraining.SIZE.width(), 7);
        assertThat(symmetric.mirrored().bgr()).isEqualTo(symmetric.bgr());
        assertThat(symmetric.upsideDown().bgr()).isEqualTo(symmetric.bgr());
        Dl4jDamageClassifier flipping = plain.withMetadata(plain.metadata().withAugmentations(ALL_FLIPS));
        // WHEN classified with and without the flips
        float[] alone = plain.probabilities(List.of(symmetric))[0];
        float[] averaged = flipping.probabilities(List.of(symmetric))[0];
        // THEN the mean of four equal views is the single view
        for (int c = 0; c < alone.length; c++) {
            assertThat(averaged[c]).isCloseTo(alone[c], within(1e-5f));
        }
    }

    @Test
    void theProbabilitiesAreTheMeanOverThePatchAndEachAugmentedCopy() {
        // GIVEN road patches, which are not symmetric
        List<PatchPixels> patches = data.images().subList(0, 4);
        List<TestTimeAugmentation> views = List.of(TestTimeAugmentation.HFLIP, TestTimeAugmentation.VFLIP,
                TestTimeAugmentation.BRIGHTER);
        Dl4jDamageClassifier augmenting = plain.withMetadata(plain.metadata().withAugmentations(views));
        // WHEN classified in one batch with the augmentations
        float[][] averaged = augmenting.probabilities(patches);
        // THEN each row is the mean of the plain model's rows for the patch and its three copies
        for (int i = 0; i < patches.size(); i++) {
            PatchPixels patch = patches.get(i);
            float[] expected = plain.probabilities(List.of(patch))[0].clone();
            for (TestTimeAugmentation view : views) {
                float[] row = plain.probabilities(List.of(view.apply(patch)))[0];
                for (int c = 0; c < expected.length; c++) {
                    expected[c] += row[c];
                }
            }
            for (int c = 0; c < expected.length; c++) {
                assertThat(averaged[i][c]).isCloseTo(expected[c] / 4, within(1e-5f));
            }
        }
        assertThat(averaged[0]).isNotEqualTo(plain.probabilities(List.of(patches.get(0)))[0]);
    }

    @Test
    void anEnsembleAveragesOverItsNetworksAndTheViewsAlike() {
        var second = Dl4jNetworkFactory.build(new CnnSpec(TinyTraining.SIZE, 3, new int[] {4, 8}, 0, 0, 6), 1e-3);
        ModelMetadata flips = plain.metadata().withAugmentations(List.of(TestTimeAugmentation.HFLIP));
        PatchPixels patch = data.images().get(0);
        Dl4jDamageClassifier both = new Dl4jDamageClassifier(List.of(plain.network(), second), flips);

        float[] mean = both.probabilities(List.of(patch))[0];

        float[] first = new Dl4jDamageClassifier(plain.network(), flips).probabilities(List.of(patch))[0];
        float[] other = new Dl4jDamageClassifier(second, flips).probabilities(List.of(patch))[0];
        for (int c = 0; c < mean.length; c++) {
            assertThat(mean[c]).isCloseTo((first[c] + other[c]) / 2, within(1e-5f));
        }
    }

    @Test
    void aHalfTurnIsBothFlipsAndBrightnessIsClipped() {
        PatchPixels patch = data.images().get(1);

        assertThat(TestTimeAugmentation.HVFLIP.apply(patch).bgr()).isEqualTo(patch.upsideDown().mirrored().bgr());
        assertThat(patch.upsideDown().upsideDown().bgr()).isEqualTo(patch.bgr());
        assertThat(patch.upsideDown().bgr()).isNotEqualTo(patch.bgr());
        PatchPixels white = new PatchPixels(1, 1, new byte[] {(byte) 250, 10, (byte) 128});
        assertThat(TestTimeAugmentation.BRIGHTER.apply(white).bgr()).containsExactly((byte) 255, 36, (byte) 154);
        assertThat(TestTimeAugmentation.DARKER.apply(white).bgr()).containsExactly((byte) 224, 0, (byte) 102);
    }

    @Test
    void listsAreReadByNameAndNoneIsTheEmptyList() {
        assertThat(TestTimeAugmentation.parseList("hflip, vflip,hvflip")).isEqualTo(ALL_FLIPS);
        assertThat(TestTimeAugmentation.parseList("none")).isEmpty();
        assertThat(TestTimeAugmentation.describe(ALL_FLIPS)).isEqualTo("hflip,vflip,hvflip");
    }

    @Test
    void refusesAnUnknownNameAndSaysWhichNamesExist() {
        assertThatThrownBy(() -> TestTimeAugmentation.parseList("hflip,rotate90"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown test-time augmentation 'rotate90'")
                .hasMessageContaining("known: hflip, vflip, hvflip, brighter, darker");
    }

    @Test
    void refusesAViewListedTwice() {
        assertThatThrownBy(() -> TestTimeAugmentation.parseList("hflip,hflip"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
    }

    /** Random pixels in one quarter, mirrored into the other three. */
    private static PatchPixels symmetricPatch(int side, long seed) {
        Random random = new Random(seed);
        int half = (side + 1) / 2;
        byte[][] quarter = new byte[half * half][3];
        for (byte[] pixel : quarter) {
            random.nextBytes(pixel);
        }
        byte[] bgr = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int qx = Math.min(x, side - 1 - x);
                int qy = Math.min(y, side - 1 - y);
                System.arraycopy(quarter[qy * half + qx], 0, bgr, (y * side + x) * 3, 3);
            }
        }
        return new PatchPixels(side, side, bgr);
    }
}
