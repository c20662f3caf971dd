package org.roadpulse.roadai.mapping;

import java.util.List;

/**
 * Turns a tile's class probabilities into its class: the most probable class, unless a favoured class (e.g. pothole,
 * whose misses cost most) reaches its own lower threshold. A threshold of 1 or more never overrides.
 *
 * @param favoured  the class given precedence, or null for plain arg-max
 * @param threshold probability from which the favoured class wins
 */
public record DecisionRule(String favoured, double threshold) {
    public static final DecisionRule MOST_PROBABLE = new DecisionRule(null, 1.0);

    public static DecisionRule favouring(String className, double threshold) {
        return new DecisionRule(className, threshold);
    }

    /** Index into {@code classes} of the decided class. */
    public int decide(List<String> classes, float[] probabilities) {
        if (favoured != null) {
            int f = classes.indexOf(favoured);
            if (f >= 0 && probabilities[f] >= threshold) {
                return f;
            }
        }
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }
}
