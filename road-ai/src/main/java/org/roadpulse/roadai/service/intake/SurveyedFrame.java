package org.roadpulse.roadai.service.intake;

import java.util.List;

/**
 * One survey image after intake: anonymised, mapped, encoded for storage. Holds no trace of the original pixels.
 *
 * @param hiddenRegions   faces and number plates that were pixelated
 * @param anonymisedJpeg  the anonymised frame
 * @param overlayJpeg     a smaller copy with the damage map drawn over it
 */
public record SurveyedFrame(int width, int height, int hiddenRegions, byte[] anonymisedJpeg, byte[] overlayJpeg,
                            List<FoundDamage> damage) {
}
