package org.roadpulse.roadai.images;

/**
 * A decoded 8-bit colour image kept in memory: rows of BGR pixels (OpenCV's order), {@code width * height * 3} bytes.
 * Kept as bytes rather than floats so a whole training split fits in a few tens of MB and can be augmented per epoch.
 */
public record PatchPixels(int width, int height, byte[] bgr) {
    public PatchPixels {
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " bytes, got " + bgr.length);
        }
    }

    public ImageSize size() {
        return new ImageSize(width, height);
    }

    /** Channel value 0..255 of pixel (x, y); channel 0 = blue, 1 = green, 2 = red. */
    public int value(int x, int y, int channel) {
        return bgr[(y * width + x) * 3 + channel] & 0xFF;
    }

    /** The patch mirrored left to right (a road seen from the other lane looks like this). */
    public PatchPixels mirrored() {
        byte[] out = new byte[bgr.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                System.arraycopy(bgr, (y * width + x) * 3, out, (y * width + width - 1 - x) * 3, 3);
            }
        }
        return new PatchPixels(width, height, out);
    }

    /** The patch turned upside down (rows in reverse order); together with {@link #mirrored} a half turn. */
    public PatchPixels upsideDown() {
        byte[] out = new byte[bgr.length];
        int row = width * 3;
        for (int y = 0; y < height; y++) {
            System.arraycopy(bgr, y * row, out, (height - 1 - y) * row, row);
        }
        return new PatchPixels(width, height, out);
    }

    /** Every channel value moved by {@code offset} (of 0..255) and clipped, as a brighter or darker exposure would. */
    public PatchPixels brightened(int offset) {
        byte[] out = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, (bgr[i] & 0xFF) + offset));
        }
        return new PatchPixels(width, height, out);
    }
}
