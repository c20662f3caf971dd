package org.roadpulse.roadai.maintenance;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of damage the mapper found on a stretch of road: what it is, how much road surface it covers and how sure
 * the model was. Areas are in square metres of road surface.
 */
public record Finding(DamageKind kind, double areaSquareMetres, double confidence, Instant seenAt) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(seenAt, "seenAt");
        if (!(areaSquareMetres >= 0)) {
            throw new IllegalArgumentException("area must not be negative: " + areaSquareMetres);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence lies between 0 and 1, not " + confidence);
        }
    }
}
