package org.roadpulse.roadai.images;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A labelled/unlabelled pixel map (e.g. a hand-made crack mask). Counting the set pixels of any rectangle is O(1)
 * through a summed-area table built on construction.
 */
public final class BinaryMask {
    private final int width;
    private final int height;
    private final boolean[] set;
    private final int[] sums;

    public BinaryMask(int width, int height, boolean[] set) {
        if (set.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + set.length);
        }
        this.width = width;
        this.height = height;
        this.set = set.clone();
        this.sums = new int[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            int row = 0;
            for (int x = 0; x < width; x++) {
                row += set[y * width + x] ? 1 : 0;
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row;
            }
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public ImageSize size() {
        return new ImageSize(width, height);
    }

    public boolean isSet(int x, int y) {
        return set[y * width + x];
    }

    /** Set pixels in the rectangle [x, x+w) x [y, y+h), clipped to the mask. */
    public int count(int x, int y, int w, int h) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        if (x1 <= x0 || y1 <= y0) {
            return 0;
        }
        int stride = width + 1;
        return sums[y1 * stride + x1] - sums[y0 * stride + x1] - sums[y1 * stride + x0] + sums[y0 * stride + x0];
    }

    public int count() {
        return count(0, 0, width, height);
    }

    /** Connected groups of set pixels (8-neighbourhood), each as the list of its pixel indices {@code y * width + x}. */
    public List<int[]> components() {
        boolean[] seen = new boolean[set.length];
        List<int[]> components = new ArrayList<>();
        int[] queue = new int[set.length]; // a component's pixels are the stretch of the queue its search filled
        for (int start = 0; start < set.length; start++) {
            if (!set[start] || seen[start]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            seen[start] = true;
            queue[tail++] = start;
            while (head < tail) {
                int p = queue[head++];
                int px = p % width;
                int py = p / width;
                for (int ny = Math.max(0, py - 1); ny <= Math.min(height - 1, py + 1); ny++) {
                    for (int nx = Math.max(0, px - 1); nx <= Math.min(width - 1, px + 1); nx++) {
                        int n = ny * width + nx;
                        if (set[n] && !seen[n]) {
                            seen[n] = true;
                            queue[tail++] = n;
                        }
                    }
                }
            }
            components.add(Arrays.copyOf(queue, tail));
        }
        return components;
    }
}
