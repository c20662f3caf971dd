package org.roadpulse.roadai.images;

/**
 * How much random variation training adds to each patch. Road photos vary in light, camera blur and the direction a
 * crack runs, so the defaults cover those; strong geometric changes did not help on this data (DEPENDENCIES.md).
 *
 * @param flipProbability   chance of a horizontal and (independently) a vertical flip
 * @param maxRotationDeg    uniform rotation in [-max, max] degrees, borders reflected
 * @param brightness        added offset in [-b, b] of the 0..255 range, as a fraction (0.2 = +-51)
 * @param contrast          gain in [1-c, 1+c]
 * @param blurProbability   chance of a 3x3 Gaussian blur (motion/focus blur of a vehicle camera)
 */
public record Augmentation(double flipProbability, double maxRotationDeg, double brightness, double contrast,
                           double blurProbability) {

    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, 0);
    public static final Augmentation DEFAULT = new Augmentation(0.5, 10, 0.15, 0.2, 0.2);

    public boolean isNone() {
        return equals(NONE);
    }
}
