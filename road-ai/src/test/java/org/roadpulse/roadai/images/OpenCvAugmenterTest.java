package org.roadpulse.roadai.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.support.SyntheticRoadImages;

class OpenCvAugmenterTest {
    private final PatchPixels crack = pixels(SyntheticRoadImages.image("crack", 32, new Random(1)));

    @Test
    void sameSeedGivesTheSameAugmentedPatch() {
        OpenCvAugmenter augmenter = new OpenCvAugmenter(Augmentation.DEFAULT);

        PatchPixels first = augmenter.apply(crack, new Random(5));
        PatchPixels second = augmenter.apply(crack, new Random(5));

        assertThat(first.bgr()).isEqualTo(second.bgr());
        assertThat(first.size()).isEqualTo(crack.size());
    }

    @Test
    void augmentationChangesThePixelsButNoneLeavesThemAlone() {
        assertThat(new OpenCvAugmenter(Augmentation.DEFAULT).apply(crack, new Random(5)).bgr()).isNotEqualTo(crack.bgr());
        assertThat(new OpenCvAugmenter(Augmentation.NONE).apply(crack, new Random(5))).isSameAs(crack);
    }

    @Test
    void aHorizontalFlipMirrorsTheImage() {
        Augmentation flipOnly = new Augmentation(1.0, 0, 0, 0, 0, 0, 0, 1);
        // With flip probability 1 both flips happen; flipping twice more restores the original.
        OpenCvAugmenter augmenter = new OpenCvAugmenter(flipOnly);

        PatchPixels flipped = augmenter.apply(crack, new Random(1));
        PatchPixels back = augmenter.apply(flipped, new Random(1));

        assertThat(flipped.value(0, 0, 0)).isEqualTo(crack.value(31, 31, 0));
        assertThat(back.bgr()).isEqualTo(crack.bgr());
    }

    @Test
    void aScaleCropKeepsThePatchSizeAndMagnifiesItsContent() {
        PatchPixels dot = square(32, 12, 8);
        OpenCvAugmenter augmenter = new OpenCvAugmenter(Augmentation.NONE.withColourAndCrop(0, 0, 0.5));
        boolean changed = false;
        for (int seed = 0; seed < 20; seed++) {
            PatchPixels cropped = augmenter.apply(dot, new Random(seed));
            assertThat(cropped.size()).isEqualTo(dot.size());
            changed |= !java.util.Arrays.equals(cropped.bgr(), dot.bgr());
        }
        assertThat(changed).isTrue();

        // The central half of the patch, resized back to 32 px: the 8 px square becomes about 16 px.
        try (Mat mat = MatPixels.toMat(dot)) {
            OpenCvAugmenter.cropAndResize(mat, 8, 8, 16);
            assertThat(brightPixels(MatPixels.toPixels(mat))).isBetween(14 * 14, 18 * 18);
        }
        assertThat(brightPixels(dot)).isEqualTo(8 * 8);
    }

    @Test
    void aHueShiftTurnsColourButKeepsSizeBrightnessAndGrey() {
        PatchPixels red = solid(32, 20, 20, 200);
        try (Mat mat = MatPixels.toMat(red)) {
            OpenCvAugmenter.shiftColour(mat, 60, 1);
            PatchPixels yellow = MatPixels.toPixels(mat);
            assertThat(yellow.size()).isEqualTo(red.size());
            // Red turned by 60 degrees is yellow: green rises to red's level, red itself (the value) stays.
            assertThat(yellow.value(5, 5, 1)).isBetween(190, 210);
            assertThat(yellow.value(5, 5, 2)).isBetween(195, 205);
        }
        OpenCvAugmenter jitter = new OpenCvAugmenter(Augmentation.NONE.withColourAndCrop(30, 0.3, 1));
        assertThat(jitter.apply(red, new Random(3)).value(5, 5, 1)).isNotEqualTo(20);
        // Grey road has no hue to turn: colour jitter must not paint it.
        PatchPixels grey = solid(32, 120, 120, 120);
        assertThat(jitter.apply(grey, new Random(3)).bgr()).isEqualTo(grey.bgr());
    }

    @Test
    void saturationGainFadesOrDeepensColourOnly() {
        PatchPixels pink = solid(8, 150, 150, 200);
        try (Mat mat = MatPixels.toMat(pink)) {
            OpenCvAugmenter.shiftColour(mat, 0, 0);
            PatchPixels faded = MatPixels.toPixels(mat);
            assertThat(faded.value(1, 1, 0)).isEqualTo(faded.value(1, 1, 2)).isBetween(198, 202);
        }
    }

    @Test
    void theNewStepsAreOffByDefaultSoEarlierRunsRepeatExactly() {
        Augmentation withNothingNew = Augmentation.DEFAULT.withColourAndCrop(0, 0, 1);

        assertThat(withNothingNew).isEqualTo(Augmentation.DEFAULT);
        assertThat(new OpenCvAugmenter(Augmentation.DEFAULT.withColourAndCrop(20, 0.2, 0.6)).apply(crack, new Random(5)).bgr())
                .isNotEqualTo(new OpenCvAugmenter(Augmentation.DEFAULT).apply(crack, new Random(5)).bgr());
    }

    @Test
    void refusesACropScaleOutsideZeroToOne() {
        assertThatThrownBy(() -> Augmentation.DEFAULT.withColourAndCrop(0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Augmentation.DEFAULT.withColourAndCrop(0, 0, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PatchPixels solid(int side, int b, int g, int r) {
        byte[] bgr = new byte[side * side * 3];
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i] = (byte) b;
            bgr[i + 1] = (byte) g;
            bgr[i + 2] = (byte) r;
        }
        return new PatchPixels(side, side, bgr);
    }

    /** A black patch with a white square of {@code size} px whose top-left corner is at ({@code at}, {@code at}). */
    private static PatchPixels square(int side, int at, int size) {
        byte[] bgr = new byte[side * side * 3];
        for (int y = at; y < at + size; y++) {
            for (int x = at; x < at + size; x++) {
                java.util.Arrays.fill(bgr, (y * side + x) * 3, (y * side + x) * 3 + 3, (byte) 255);
            }
        }
        return new PatchPixels(side, side, bgr);
    }

    private static int brightPixels(PatchPixels p) {
        int count = 0;
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                count += p.value(x, y, 0) > 127 ? 1 : 0;
            }
        }
        return count;
    }

    private static PatchPixels pixels(Mat mat) {
        try (mat) {
            return MatPixels.toPixels(mat);
        }
    }
}
