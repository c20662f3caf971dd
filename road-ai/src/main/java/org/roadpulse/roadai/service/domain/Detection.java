package org.roadpulse.roadai.service.domain;

import org.roadpulse.roadai.maintenance.DamageKind;

/**
 * One piece of damage the model found in one survey image, where it lies and (if it lies on a road of the
 * municipality) the segment and section it was snapped to.
 *
 * @param segmentId null for an unmatched detection (no road within the tolerance)
 * @param boxX      its place in the image, in pixels, with {@code boxY}, {@code boxWidth}, {@code boxHeight}
 */
public record Detection(long id, long imageId, DamageKind kind, double areaSquareMetres, double confidence,
                        double latitude, double longitude, String segmentId, Integer section, Double offsetMetres,
                        int boxX, int boxY, int boxWidth, int boxHeight, Long itemId) {

    public String damageClass() {
        return kind.isCrack() ? "crack" : "pothole";
    }
}
