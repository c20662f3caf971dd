package org.roadpulse.roadai.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Draws each epoch's order of sample indices with each class's share set by a balance power: a class of n samples
 * gets a share proportional to n^(1 - power). Power 1 shows every class equally often (potholes are a seventh of the
 * patches, and a plain shuffle would let the model mostly ignore them); 0 keeps the natural frequencies; 0.5 (square
 * root) is between: full balance showed potholes 2.4x their share and made the crack/pothole boundary swing from
 * epoch to epoch. An epoch has as many draws as the data set has samples; classes drawn more than their share are
 * repeated, the others subsampled (all of them over a few epochs). The order depends only on the seed and the epoch
 * number, so runs are repeatable.
 */
public final class BalancedSampler {
    private final List<List<Integer>> byClass = new ArrayList<>();
    private final int epochSize;
    private final long seed;
    private final int[] quotas;

    /** Full balance (power 1). */
    public BalancedSampler(int[] labels, int classCount, long seed) {
        this(labels, classCount, seed, 1.0);
    }

    public BalancedSampler(int[] labels, int classCount, long seed, double balancePower) {
        if (balancePower < 0 || balancePower > 1) {
            throw new IllegalArgumentException("balance power must be within 0..1, got " + balancePower);
        }
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
        this.quotas = quotas(balancePower);
    }

    /** Draws per class and epoch, summing to the epoch size (largest remainders get the leftover draws). */
    private int[] quotas(double balancePower) {
        int classCount = byClass.size();
        double[] weight = new double[classCount];
        double total = 0;
        for (int c = 0; c < classCount; c++) {
            weight[c] = Math.pow(byClass.get(c).size(), 1 - balancePower);
            total += weight[c];
        }
        int[] quota = new int[classCount];
        double[] remainder = new double[classCount];
        int given = 0;
        for (int c = 0; c < classCount; c++) {
            double exact = epochSize * weight[c] / total;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            given += quota[c];
        }
        for (; given < epochSize; given++) {
            int most = 0;
            for (int c = 1; c < classCount; c++) {
                if (remainder[c] > remainder[most]) {
                    most = c;
                }
            }
            quota[most]++;
            remainder[most] = -1;
        }
        return quota;
    }

    /** How many of each class one epoch draws. */
    public int[] quotas() {
        return quotas.clone();
    }

    public int[] epochOrder(int epoch) {
        Random random = new Random(seed * 1_000_003L + epoch);
        int classCount = byClass.size();
        List<Integer> order = new ArrayList<>(epochSize);
        for (int c = 0; c < classCount; c++) {
            int quota = quotas[c];
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
