package org.roadpulse.roadai.cli;

import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import org.roadpulse.roadai.model.TestTimeAugmentation;

/** What a {@code --tta} option does to a loaded model: nothing when not given, else its list replaces the model's own. */
final class TestTimeOption {
    static final String DESCRIPTION = "Test-time augmentation, overriding the model's own: views averaged with each "
            + "patch, comma-separated from hflip, vflip, hvflip (both flips), brighter, darker; 'none' for the patch alone.";

    private TestTimeOption() {
    }

    /** @param given the option's text, or null when it was not given */
    static Dl4jDamageClassifier apply(Dl4jDamageClassifier model, String given) {
        if (given == null) {
            return model;
        }
        return model.withMetadata(model.metadata().withAugmentations(TestTimeAugmentation.parseList(given)));
    }

    /** One line for a command's report, e.g. {@code test-time augmentation: hflip,vflip (mean over 3 views)}. */
    static String describe(Dl4jDamageClassifier model) {
        int views = 1 + model.metadata().augmentations().size();
        return "test-time augmentation: " + TestTimeAugmentation.describe(model.metadata().augmentations())
                + (views > 1 ? " (mean over " + views + " views of each patch)" : "");
    }
}
