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
 * @param flipAveraging   average the probabilities of each patch and its mirror image; absent = false
 * @param networks        how many networks the file holds, whose probabilities are averaged (an ensemble); absent = 1.
 *                        Left out of the JSON for a single network, so older code still reads such files, and refuses
 *                        an ensemble (unknown field) instead of silently using its first network
 */
public record ModelMetadata(int formatVersion, List<String> classes, int inputWidth, int inputHeight, int channels,
                            Normalisation normalisation, String architecture, String dataDescription,
                            Map<String, Double> metrics, String createdAt,
                            DecisionRule decisionRule, Boolean flipAveraging,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer networks) {

    /** A model that decides by arg-max on single patches, as files before the decision rule were. */
    public ModelMetadata(int formatVersion, List<String> classes, int inputWidth, int inputHeight, int channels,
                         Normalisation normalisation, String architecture, String dataDescription,
                         Map<String, Double> metrics, String createdAt) {
        this(formatVersion, classes, inputWidth, inputHeight, channels, normalisation, architecture, dataDescription,
                metrics, createdAt, null, null, null);
    }

    public int networkCount() {
        return networks == null ? 1 : networks;
    }

    /** The rule to apply: the stored one, or arg-max for files written before rules existed. */
    public DecisionRule decision() {
        return decisionRule == null ? DecisionRule.ARG_MAX : decisionRule;
    }

    public boolean flips() {
        return Boolean.TRUE.equals(flipAveraging);
    }

    public ModelMetadata withDecisionRule(DecisionRule rule) {
        return new ModelMetadata(formatVersion, classes, inputWidth, inputHeight, channels, normalisation,
                architecture, dataDescription, metrics, createdAt, rule, flipAveraging, networks);
    }

    public ModelMetadata withFlipAveraging(boolean flips) {
        return new ModelMetadata(formatVersion, classes, inputWidth, inputHeight, channels, normalisation,
                architecture, dataDescription, metrics, createdAt, decisionRule, flips, networks);
    }

    /** Sorted by name so the JSON reads the same for every save. */
    public ModelMetadata withMetrics(Map<String, Double> newMetrics) {
        return new ModelMetadata(formatVersion, classes, inputWidth, inputHeight, channels, normalisation,
                architecture, dataDescription, Collections.unmodifiableMap(new TreeMap<>(newMetrics)), createdAt,
                decisionRule, flipAveraging, networks);
    }

    /** The same pipeline for an ensemble of this many networks, with a new description of what it is made of. */
    public ModelMetadata asEnsemble(int count, String newArchitecture, String newDataDescription) {
        return new ModelMetadata(formatVersion, classes, inputWidth, inputHeight, channels, normalisation,
                newArchitecture, newDataDescription, Map.of(), createdAt, DecisionRule.ARG_MAX, flipAveraging,
                count == 1 ? null : count);
    }
}
