package org.roadpulse.roadai.maintenance;

import java.util.Objects;

/**
 * One line of "why here": a term of the priority, the facts it was computed from, and the points it adds.
 *
 * @param facts  what it was computed from (e.g. grade 4.2; DTV 6,000 with 8 % heavy vehicles measured at a site),
 *               for each reader to word in its language
 * @param points what it adds to the score (0 for the safety term, which orders instead of adding)
 */
public record PriorityTerm(TermFacts facts, double points) {

    public PriorityTerm {
        Objects.requireNonNull(facts, "facts");
    }

    /** {@code safety}, {@code grade}, {@code traffic}, {@code roadClass}, {@code age} or {@code certainty}. */
    public String term() {
        return facts.term();
    }

    /** The facts as an English sentence, for the CLI and the exports (e.g. "grade 4.2", "known for 4 days"). */
    public String basis() {
        return facts.inEnglish();
    }
}
