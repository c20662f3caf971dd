package org.roadpulse.roadai.mapping;

import java.util.ArrayDeque;

/**
 * A one-pixel-wide centre-line image of crack pixels (true = on the line) and the shape figures read from it.
 * Plain Java so the geometry can be tested without an image library.
 */
final class Skeleton {
    private final int width;
    private final int height;
    private final boolean[] on;

    Skeleton(int width, int height, boolean[] on) {
        this.width = width;
        this.height = height;
        this.on = on.clone();
    }

    int pixels() {
        int n = 0;
        for (boolean b : on) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /**
     * Removes side branches shorter than {@code length} pixels by peeling end points that many times, so that
     * stubs left by noise along a crack do not count as junctions. Line ends get shorter by the same amount.
     */
    Skeleton pruned(int length) {
        boolean[] current = on.clone();
        for (int round = 0; round < length; round++) {
            boolean[] next = current.clone();
            boolean changed = false;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (current[y * width + x] && neighbours(current, x, y) <= 1) {
                        next[y * width + x] = false;
                        changed = true;
                    }
                }
            }
            current = next;
            if (!changed) {
                break;
            }
        }
        return new Skeleton(width, height, current);
    }

    /**
     * Places where three or more branches meet: pixels around which the 8-neighbour ring changes from off to on at
     * least three times; touching branch pixels count as one junction.
     */
    int junctions() {
        boolean[] branch = new boolean[on.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                branch[y * width + x] = on[y * width + x] && crossings(x, y) >= 3;
            }
        }
        return clusters(branch, 2);
    }

    /** Principal direction in degrees from horizontal (0) to vertical (90), from the second central moments. */
    double angleDeg() {
        double[] m = centralMoments();
        double theta = 0.5 * Math.atan2(2 * m[2], m[0] - m[1]);
        return Math.abs(Math.toDegrees(theta));
    }

    /** 0 when the pixels spread equally in every direction, 1 for a straight line. */
    double anisotropy() {
        double[] m = centralMoments();
        double spread = m[0] + m[1];
        return spread == 0 ? 0 : Math.sqrt((m[0] - m[1]) * (m[0] - m[1]) + 4 * m[2] * m[2]) / spread;
    }

    /** {mu20, mu02, mu11} per pixel. */
    private double[] centralMoments() {
        double n = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (on[y * width + x]) {
                    n++;
                    sx += x;
                    sy += y;
                }
            }
        }
        if (n == 0) {
            return new double[3];
        }
        double cx = sx / n;
        double cy = sy / n;
        double[] m = new double[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (on[y * width + x]) {
                    m[0] += (x - cx) * (x - cx);
                    m[1] += (y - cy) * (y - cy);
                    m[2] += (x - cx) * (y - cy);
                }
            }
        }
        m[0] /= n;
        m[1] /= n;
        m[2] /= n;
        return m;
    }

    private static final int[] RING_X = {1, 1, 0, -1, -1, -1, 0, 1};
    private static final int[] RING_Y = {0, 1, 1, 1, 0, -1, -1, -1};

    private int crossings(int x, int y) {
        int count = 0;
        for (int i = 0; i < 8; i++) {
            boolean a = at(on, x + RING_X[i], y + RING_Y[i]);
            boolean b = at(on, x + RING_X[(i + 1) % 8], y + RING_Y[(i + 1) % 8]);
            if (!a && b) {
                count++;
            }
        }
        return count;
    }

    private int neighbours(boolean[] pixels, int x, int y) {
        int count = 0;
        for (int i = 0; i < 8; i++) {
            count += at(pixels, x + RING_X[i], y + RING_Y[i]) ? 1 : 0;
        }
        return count;
    }

    private boolean at(boolean[] pixels, int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && pixels[y * width + x];
    }

    /** Groups of marked pixels where members lie within {@code reach} pixels (Chebyshev) of each other. */
    private int clusters(boolean[] marked, int reach) {
        boolean[] seen = new boolean[marked.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int groups = 0;
        for (int start = 0; start < marked.length; start++) {
            if (!marked[start] || seen[start]) {
                continue;
            }
            groups++;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int px = p % width;
                int py = p / width;
                for (int dy = -reach; dy <= reach; dy++) {
                    for (int dx = -reach; dx <= reach; dx++) {
                        int nx = px + dx;
                        int ny = py + dy;
                        if (nx >= 0 && ny >= 0 && nx < width && ny < height && marked[ny * width + nx]
                                && !seen[ny * width + nx]) {
                            seen[ny * width + nx] = true;
                            queue.add(ny * width + nx);
                        }
                    }
                }
            }
        }
        return groups;
    }
}
