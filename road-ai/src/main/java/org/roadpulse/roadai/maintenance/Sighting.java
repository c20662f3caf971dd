package org.roadpulse.roadai.maintenance;

import java.util.Objects;

/**
 * Damage one image of a drive showed at a place on the network.
 *
 * @param segmentId the road segment the image was snapped to
 * @param section   the 10-m section of that segment
 * @param finding   what was found
 * @param imageId   the (anonymised) image that shows it
 */
public record Sighting(String segmentId, int section, Finding finding, String imageId) {

    public Sighting {
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(imageId, "imageId");
    }

    public boolean isCrack() {
        return finding.kind().isCrack();
    }
}
