package org.roadpulse.roadai.privacy;

/** A rectangle of an image showing something personal, in pixels. */
public record SensitiveRegion(Kind kind, int x, int y, int width, int height) {

    public enum Kind { FACE, NUMBER_PLATE }

    public SensitiveRegion {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a region needs a positive size");
        }
    }
}
