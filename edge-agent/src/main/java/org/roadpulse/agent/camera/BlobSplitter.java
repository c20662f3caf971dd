package org.roadpulse.agent.camera;

import java.util.ArrayList;
import java.util.List;

/**
 * Separates vehicles whose moving pixels ran into one blob: two cars side by side, or one close behind another. A
 * blob wider (or taller) than one vehicle can be is cut where its moving pixels per column (or row) fall to a
 * valley between two humps; a wide lorry has no such valley and stays whole. Plain Java over the foreground mask,
 * so that the rule is testable without video.
 */
public final class BlobSplitter {

    /** A column (row) counts as a valley when it holds less than this share of the blob's fullest column (row). */
    private static final double VALLEY = 0.35;
    /** The cut is searched in the middle of the blob: a valley at the very edge is a ragged outline. */
    private static final double MARGIN = 0.25;

    private final double maxWidth;
    private final double maxHeight;

    /** @param maxWidth widest blob (pixels) taken as one vehicle; {@code maxHeight} likewise, along the frame */
    public BlobSplitter(double maxWidth, double maxHeight) {
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
    }

    /** Foreground pixels: {@code mask.isSet(x, y)}. */
    public interface Mask {
        boolean isSet(int x, int y);
    }

    public List<Box> split(Box blob, Mask mask) {
        List<Box> out = new ArrayList<>();
        splitInto(blob, mask, out, 2);
        return out;
    }

    private void splitInto(Box blob, Mask mask, List<Box> out, int depth) {
        if (depth > 0 && blob.width() > maxWidth) {
            int cut = valley(blob, mask, true);
            if (cut > 0) {
                splitInto(shrink(new Box(blob.x(), blob.y(), cut, blob.height()), mask), mask, out, depth - 1);
                splitInto(shrink(new Box(blob.x() + cut, blob.y(), blob.width() - cut, blob.height()), mask), mask,
                        out, depth - 1);
                return;
            }
        }
        if (depth > 0 && blob.height() > maxHeight) {
            int cut = valley(blob, mask, false);
            if (cut > 0) {
                splitInto(shrink(new Box(blob.x(), blob.y(), blob.width(), cut), mask), mask, out, depth - 1);
                splitInto(shrink(new Box(blob.x(), blob.y() + cut, blob.width(), blob.height() - cut), mask), mask,
                        out, depth - 1);
                return;
            }
        }
        if (blob.width() > 0 && blob.height() > 0) {
            out.add(blob);
        }
    }

    /** Offset of the deepest valley (columns when {@code across}, else rows), or -1 when there is none. */
    private static int valley(Box blob, Mask mask, boolean across) {
        int x0 = (int) blob.x();
        int y0 = (int) blob.y();
        int w = (int) blob.width();
        int h = (int) blob.height();
        int n = across ? w : h;
        int[] profile = new int[n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask.isSet(x0 + x, y0 + y)) {
                    profile[across ? x : y]++;
                }
            }
        }
        int peak = 0;
        for (int value : profile) {
            peak = Math.max(peak, value);
        }
        int from = (int) Math.floor(n * MARGIN);
        int to = (int) Math.ceil(n * (1 - MARGIN));
        int best = -1;
        for (int i = from; i < to; i++) {
            if (profile[i] < VALLEY * peak && (best < 0 || profile[i] < profile[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The part's bounding box of set pixels (a cut leaves empty margins). */
    private static Box shrink(Box part, Mask mask) {
        int x0 = (int) part.x();
        int y0 = (int) part.y();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = y0; y < y0 + (int) part.height(); y++) {
            for (int x = x0; x < x0 + (int) part.width(); x++) {
                if (mask.isSet(x, y)) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new Box(x0, y0, 0, 0) : new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
