package org.roadpulse.roadai.images;

import java.util.Locale;

/**
 * How much random variation training adds to each patch. Road photos vary in light, camera blur and the direction a
 * crack runs, so the defaults cover those; strong geometric changes did not help on this data (DEPENDENCIES.md).
 * Colour jitter and scale crops are off by default so that earlier runs stay reproducible draw for draw.
 *
 * @param flipProbability   chance of a horizontal and (independently) a vertical flip
 * @param maxRotationDeg    uniform rotation in [-max, max] degrees, borders reflected
 * @param brightness        added offset in [-b, b] of the 0..255 range, as a fraction (0.2 = +-51)
 * @param contrast          gain in [1-c, 1+c]
 * @param blurProbability   chance of a 3x3 Gaussian blur (motion/focus blur of a vehicle camera)
 * @param maxHueShiftDeg    hue turned by a uniform [-max, max] degrees (white balance of another camera or light)
 * @param saturation        saturation gain in [1-s, 1+s]
 * @param minCropScale      a square crop whose side is a uniform fraction in [min, 1] of the patch, at a random place,
 *                          resized back to the patch size: damage seen at other scales and off centre, as the frame
 *                          mapper's grid tiles show it; 1 = no crop
 */
public record Augmentation(double flipProbability, double maxRotationDeg, double brightness, double contrast,
                           double blurProbability, double maxHueShiftDeg, double saturation, double minCropScale) {

    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, 0, 0, 0, 1);
    public static final Augmentation DEFAULT = new Augmentation(0.5, 10, 0.15, 0.2, 0.2, 0, 0, 1);

    public Augmentation {
        if (!(minCropScale > 0 && minCropScale <= 1)) {
            throw new IllegalArgumentException("minCropScale must be in (0, 1], got " + minCropScale);
        }
        if (maxHueShiftDeg < 0 || maxHueShiftDeg > 180 || saturation < 0 || saturation > 1) {
            throw new IllegalArgumentException("hue shift must be in [0, 180] degrees and saturation in [0, 1], got "
                    + maxHueShiftDeg + " and " + saturation);
        }
    }

    /** The same with colour jitter and scale crops set. */
    public Augmentation withColourAndCrop(double hueShiftDeg, double saturationJitter, double cropScale) {
        return new Augmentation(flipProbability, maxRotationDeg, brightness, contrast, blurProbability, hueShiftDeg,
                saturationJitter, cropScale);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    boolean jittersColour() {
        return maxHueShiftDeg > 0 || saturation > 0;
    }

    /** For the model's description of how it was trained. */
    public String describe() {
        if (isNone()) {
            return "no augmentation";
        }
        return String.format(Locale.ROOT, "augmentation: flips %s, rotation %s deg, brightness %s, contrast %s, blur %s, "
                        + "hue %s deg, saturation %s, crop scale %s-1", flipProbability, maxRotationDeg, brightness,
                contrast, blurProbability, maxHueShiftDeg, saturation, minCropScale);
    }
}
