package org.roadpulse.roadai.evaluation;

import java.util.Arrays;
import java.util.List;

/**
 * Counts of (actual class, predicted class) pairs. Rows are actual classes, columns predicted ones, both in the order
 * of {@link #classes()}. Plain Java so that metrics can be checked by hand.
 */
public final class ConfusionMatrix {
    private final List<String> classes;
    private final long[][] counts;

    public ConfusionMatrix(List<String> classes) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        this.classes = List.copyOf(classes);
        this.counts = new long[classes.size()][classes.size()];
    }

    public void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    public List<String> classes() {
        return classes;
    }

    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    long actualCount(int cls) {
        return Arrays.stream(counts[cls]).sum();
    }

    long predictedCount(int cls) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[cls];
        }
        return sum;
    }

    long correct() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }
}
