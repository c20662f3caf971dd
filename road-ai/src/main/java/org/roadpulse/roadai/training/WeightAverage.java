package org.roadpulse.roadai.training;

import java.util.ArrayDeque;
import java.util.Deque;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mean of a network's parameter vectors over its last few epochs. The crack/pothole boundary swung from epoch to
 * epoch (pothole recall 0.57-0.96 in one run); averaging the weights of neighbouring epochs lands between the swings.
 * Batch-norm running means and variances are parameters in DL4J, so they are averaged along with the weights.
 */
final class WeightAverage {
    private final int window;
    private final Deque<INDArray> recent = new ArrayDeque<>();

    WeightAverage(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.window = window;
    }

    /** Keeps a copy of {@code params}; the oldest copy leaves once the window is full. */
    void add(INDArray params) {
        recent.addLast(params.dup());
        if (recent.size() > window) {
            recent.removeFirst().close();
        }
    }

    int size() {
        return recent.size();
    }

    /** The element-wise mean of the kept parameter vectors. */
    INDArray mean() {
        if (recent.isEmpty()) {
            throw new IllegalStateException("no parameters added yet");
        }
        INDArray sum = recent.peekFirst().dup();
        recent.stream().skip(1).forEach(sum::addi);
        return sum.divi(recent.size());
    }
}
