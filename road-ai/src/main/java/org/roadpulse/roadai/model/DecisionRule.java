package org.roadpulse.roadai.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a model turns class probabilities into one class: each probability is multiplied by its class's weight and the
 * largest product wins. No weights (or all 1) is plain arg-max. A weight above 1 on pothole trades some crack
 * precision for pothole recall, because a missed pothole costs the road user more than a crack looked at twice.
 * Stored in the model's metadata so every caller decides the same way.
 *
 * @param weights class name to weight; classes not named weigh 1
 */
public record DecisionRule(Map<String, Double> weights) {
    public static final DecisionRule ARG_MAX = new DecisionRule(Map.of());

    public DecisionRule {
        weights = weights == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(weights));
        weights.forEach((name, weight) -> {
            if (weight == null || !(weight > 0) || weight.isInfinite()) {
                throw new IllegalArgumentException("weight of " + name + " must be a positive number, got " + weight);
            }
        });
    }

    public static DecisionRule weighting(String className, double weight) {
        return new DecisionRule(Map.of(className, weight));
    }

    public double weightOf(String className) {
        return weights.getOrDefault(className, 1.0);
    }

    /** Index into {@code classes} of the decided class; ties go to the earlier class. */
    public int decide(List<String> classes, float[] probabilities) {
        int best = 0;
        double bestScore = probabilities[0] * weightOf(classes.get(0));
        for (int i = 1; i < probabilities.length; i++) {
            double score = probabilities[i] * weightOf(classes.get(i));
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return weights.isEmpty() ? "arg-max" : "arg-max of probability x weight " + weights;
    }
}
