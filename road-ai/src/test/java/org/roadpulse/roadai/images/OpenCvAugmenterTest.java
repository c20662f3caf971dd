package org.roadpulse.roadai.images;

import static org.assertj.core.api.Assertions.assertThat;

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
        Augmentation flipOnly = new Augmentation(1.0, 0, 0, 0, 0);
        // With flip probability 1 both flips happen; flipping twice more restores the original.
        OpenCvAugmenter augmenter = new OpenCvAugmenter(flipOnly);

        PatchPixels flipped = augmenter.apply(crack, new Random(1));
        PatchPixels back = augmenter.apply(flipped, new Random(1));

        assertThat(flipped.value(0, 0, 0)).isEqualTo(crack.value(31, 31, 0));
        assertThat(back.bgr()).isEqualTo(crack.bgr());
    }

    private static PatchPixels pixels(Mat mat) {
        try (mat) {
            return MatPixels.toPixels(mat);
        }
    }
}
