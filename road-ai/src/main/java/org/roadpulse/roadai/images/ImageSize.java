package org.roadpulse.roadai.images;

/** Width and height in pixels of the square-ish patches the model sees. */
public record ImageSize(int width, int height) {
    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
    }

    public static ImageSize square(int side) {
        return new ImageSize(side, side);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
