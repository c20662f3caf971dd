package org.roadpulse.roadai.model;

import java.util.Locale;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/**
 * How the last block's feature map becomes one vector per patch. {@code AVG} is what every model up to phase 5 used;
 * {@code MAX} keeps the strongest response anywhere in the patch, so a small local feature (a pothole's dark blob)
 * is not diluted by the surrounding asphalt.
 */
public enum GlobalPooling {
    AVG(PoolingType.AVG), MAX(PoolingType.MAX);

    private final PoolingType dl4j;

    GlobalPooling(PoolingType dl4j) {
        this.dl4j = dl4j;
    }

    PoolingType dl4j() {
        return dl4j;
    }

    /** The name used on the command line and in descriptions: {@code avg} or {@code max}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code avg} or {@code max} (any case); names the accepted values otherwise. */
    public static GlobalPooling parse(String text) {
        for (GlobalPooling each : values()) {
            if (each.label().equalsIgnoreCase(text.trim())) {
                return each;
            }
        }
        throw new IllegalArgumentException("global pooling must be avg or max, got '" + text + "'");
    }
}
