package org.roadpulse.roadai.maintenance;

/**
 * One line of "why here": a term of the priority, what it was computed from, and the points it adds.
 *
 * @param term   {@code safety}, {@code grade}, {@code traffic}, {@code roadClass}, {@code age} or {@code certainty}
 * @param basis  the facts behind it, for people (e.g. "grade 4.2", "DTV 6,000, 8 % heavy (measured at site …)")
 * @param points what it adds to the score (0 for the safety term, which orders instead of adding)
 */
public record PriorityTerm(String term, String basis, double points) {
}
