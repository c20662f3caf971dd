package org.roadpulse.roadai.model;

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
 */
public record ModelMetadata(int formatVersion, List<String> classes, int inputWidth, int inputHeight, int channels,
                            Normalisation normalisation, String architecture, String dataDescription,
                            Map<String, Double> metrics, String createdAt) {

    /** Sorted by name so the JSON reads the same for every save. */
    public ModelMetadata withMetrics(Map<String, Double> newMetrics) {
        return new ModelMetadata(formatVersion, classes, inputWidth, inputHeight, channels, normalisation,
                architecture, dataDescription, Collections.unmodifiableMap(new TreeMap<>(newMetrics)), createdAt);
    }
}
