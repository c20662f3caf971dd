package org.roadpulse.roadai.maintenance;

import java.util.Comparator;
import java.util.List;

/**
 * Where an item belongs in the list and why: safety-critical items first, then by score, highest first.
 *
 * @param terms every term with its basis and points, in a fixed order, so that each item can show its breakdown
 */
public record Priority(boolean safetyCritical, double score, List<PriorityTerm> terms) {

    /** Safety-critical first, then the higher score. */
    public static final Comparator<Priority> MOST_URGENT_FIRST = Comparator
            .comparing(Priority::safetyCritical).reversed()
            .thenComparing(Comparator.comparingDouble(Priority::score).reversed());

    public Priority {
        terms = List.copyOf(terms);
    }
}
