package org.roadpulse.roadai.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.roadpulse.roadai.images.Normalisation;

/**
 * What a model file says about itself, stored as JSON beside the DL4J network in the same zip.
 *
 * @param formatVersion   version of this metadata layout; loading refuses others ({@link ModelFile#FORMAT_VERSION})
 * @param classes         output index i means classes[i]
 * @param inputWidth      patch width in pixels the network expects
 * @param inputHeight     patch height in pixels
 * @param channels        colour channels, always 3 (RGB)
 * @param normalisation   per-channel mean/std applied to 0..1 pixel values
 * @param architecture    a human-readable summary of the network
 * @param dataDescription what it was trained on (source, counts, licence)
 * @param metrics         validation figures of the kept epoch, e.g. {@code macroF1}, {@code recall.pothole}
 * @param createdAt       ISO-8601 instant
 * @param decisionRule    how probabilities become a class; absent in older files, which then decide by arg-max
 * @param flipAveraging   only read, from files written before {@code augmentations}: true meant what
 *                        {@code augmentations: ["hflip"]} means now, and is folded into it; never written
 * @param networks        how many networks the file holds, whose probabilities are averaged (an ensemble); absent = 1.
 *                        Left out of the JSON for a single network, so older code still reads such files, and refuses
 *                        an ensemble (unknown field) instead of silently using its first network
 * @param augmentations   test-time augmentation: extra views of each patch (e.g. {@code hflip}) whose probabilities
 *                        are averaged with the original's before the rule decides; absent or empty = the patch alone.
 *                        Left out of the JSON when empty, for the same reason as {@code networks}
 */
public record ModelMetadata(int formatVersion, List<String> classes, int inputWidth, int inputHeight, int channels,
                            Normalisation normalisation, String architecture, String dataDescription,
                            Map<String, Double> metrics, String createdAt,
                            DecisionRule decisionRule,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean flipAveraging,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer networks,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TestTimeAugmentation> augmentations) {

    public ModelMetadata {
        List<TestTimeAugmentation> given = augmentations == null ? List.of() : augmentations;
        if (Boolean.TRUE.equals(flipAveraging) && given.isEmpty()) {
            given = List.of(TestTimeAugmentation.HFLIP);
        }
        augmentations = TestTimeAugmentation.checkedList(given);
        flipAveraging = null;
    }

    /** A model that decides by arg-max on single patches, as files before the decision rule were. */
    public ModelMetadata(int formatVersion, List<String> classes, int inputWidth, int inputHeight, int channels,
                         Normalisation normalisation, String architecture, String dataDescription,
                         Map<String, Double> metrics, String createdAt) {
        this(formatVersion, classes, inputWidth, inputHeight, channels, normalisation, architecture, dataDescription,
                metrics, createdAt, null, null, null, List.of());
    }

    public int networkCount() {
        return networks == null ? 1 : networks;
    }

    /** The rule to apply: the stored one, or arg-max for files written before rules existed. */
    public DecisionRule decision() {
        return decisionRule == null ? DecisionRule.ARG_MAX : decisionRule;
    }

    /** Whether probabilities are averaged over more views than the patch itself. */
    public boolean augmentsAtTestTime() {
        return !augmentations.isEmpty();
    }

    public ModelMetadata withDecisionRule(DecisionRule rule) {
        return new ModelMetadata(formatVersion, classes, inputWidth, inputHeight, channels, normalisation,
                architecture, dataDescription, metrics, createdAt, rule, null, networks, augmentations);
    }

    public ModelMetadata withDataDescription(String description) {
        return new ModelMetadata(formatVersion, classes, inputWidth, inputHeight, channels, normalisation,
                architecture, description, metrics, createdAt, decisionRule, null, networks, augmentations);
    }

    public ModelMetadata withAugmentations(List<TestTimeAugmentation> views) {
        return new ModelMetadata(formatVersion, classes, inputWidth, inputHeight, channels, normalisation,
                architecture, dataDescription, metrics, createdAt, decisionRule, null, networks, views);
    }

    /** Sorted by name so the JSON reads the same for every save. */
    public ModelMetadata withMetrics(Map<String, Double> newMetrics) {
        return new ModelMetadata(formatVersion, classes, inputWidth, inputHeight, channels, normalisation,
                architecture, dataDescription, Collections.unmodifiableMap(new TreeMap<>(newMetrics)), createdAt,
                decisionRule, null, networks, augmentations);
    }

    /** The same pipeline for an ensemble of this many networks, with a new description of what it is made of. */
    public ModelMetadata asEnsemble(int count, String newArchitecture, String newDataDescription) {
        return new ModelMetadata(formatVersion, classes, inputWidth, inputHeight, channels, normalisation,
                newArchitecture, newDataDescription, Map.of(), createdAt, DecisionRule.ARG_MAX, null,
                count == 1 ? null : count, augmentations);
    }
}
