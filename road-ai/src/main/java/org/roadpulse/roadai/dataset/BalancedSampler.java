package org.roadpulse.roadai.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Draws each epoch's order of sample indices so that every class appears equally often: potholes are a tenth of the
 * patches, and a plain shuffle would let the model mostly ignore them. An epoch has as many draws as the data set has
 * samples; minority classes are repeated, majority classes subsampled (all of them over a few epochs).
 * The order depends only on the seed and the epoch number, so runs are repeatable.
 */
public final class BalancedSampler {
    private final List<List<Integer>> byClass = new ArrayList<>();
    private final int epochSize;
    private final long seed;

    public BalancedSampler(int[] labels, int classCount, long seed) {
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        for (int c = 0; c < classCount; c++) {
            if (byClass.get(c).isEmpty()) {
                throw new IllegalArgumentException("class " + c + " has no samples to draw from");
            }
        }
        this.epochSize = labels.length;
        this.seed = seed;
    }

    public int[] epochOrder(int epoch) {
        Random random = new Random(seed * 1_000_003L + epoch);
        int classCount = byClass.size();
        List<Integer> order = new ArrayList<>(epochSize);
        for (int c = 0; c < classCount; c++) {
            int quota = epochSize / classCount + (c < epochSize % classCount ? 1 : 0);
            List<Integer> pool = new ArrayList<>(byClass.get(c));
            // Offset the walk through the class by epoch so subsampled classes show different members each epoch.
            Collections.shuffle(pool, new Random(seed * 7919L + c));
            int start = (int) ((long) epoch * quota % pool.size());
            for (int k = 0; k < quota; k++) {
                order.add(pool.get((start + k) % pool.size()));
            }
        }
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
