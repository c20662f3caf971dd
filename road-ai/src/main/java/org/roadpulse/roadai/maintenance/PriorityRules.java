package org.roadpulse.roadai.maintenance;

import org.roadpulse.roadai.roads.RoadClass;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Ranks maintenance items as road-maintenance staff expect (see road-ai/docs/maintenance-queue.md): safety-critical potholes
 * first; then condition, traffic (heavy vehicles weighted), road class, how long the damage has been known and how
 * sure it is real, with
 * a municipality's {@link PriorityWeights}.
 */
public final class PriorityRules {

    private final PriorityWeights weights;

    public PriorityRules(PriorityWeights weights) {
        this.weights = weights;
    }

    public Priority assess(PriorityInputs item, Instant now) {
        boolean safetyCritical = item.largestPotholeArea() >= weights.safetyPotholeSquareMetres();
        PriorityTerm safety = new PriorityTerm("safety", safetyCritical
                ? format("pothole %.2f m² ≥ %.2f m²: safety-critical, goes first", item.largestPotholeArea(),
                weights.safetyPotholeSquareMetres())
                : "no safety-critical pothole", 0);
        PriorityTerm grade = new PriorityTerm("grade", "grade " + item.grade(),
                weights.grade() * (item.grade().value() - 1.0) / 4.0);
        PriorityTerm traffic = trafficTerm(item.traffic());
        PriorityTerm roadClass = new PriorityTerm("roadClass", item.roadClass().germanName(),
                weights.roadClass() * item.roadClass().importance());
        PriorityTerm age = ageTerm(item.firstSeen(), now);
        PriorityTerm certainty = new PriorityTerm("certainty", item.certainty() >= 1 ? "confirmed"
                : format("model %.0f %% sure", item.certainty() * 100), weights.certainty() * item.certainty());
        List<PriorityTerm> terms = List.of(safety, grade, traffic, roadClass, age, certainty);
        double score = terms.stream().mapToDouble(PriorityTerm::points).sum();
        return new Priority(safetyCritical, Math.round(score * 10) / 10.0, terms);
    }

    /** Logarithmic: going from 100 to 1,000 vehicles matters as much as from 1,000 to 10,000. */
    private PriorityTerm trafficTerm(Traffic traffic) {
        double load = traffic.dtv() * (1 + traffic.heavyShare() * (weights.heavyVehicleFactor() - 1));
        double scaled = Math.min(1.0, Math.log10(1 + load) / Math.log10(1 + weights.trafficForFullPoints()));
        return new PriorityTerm("traffic", format("DTV %,.0f, %.0f %% heavy (%s)", traffic.dtv(),
                traffic.heavyShare() * 100, traffic.source()), weights.traffic() * scaled);
    }

    private PriorityTerm ageTerm(Instant firstSeen, Instant now) {
        long days = Math.max(0, Duration.between(firstSeen, now).toDays());
        double scaled = Math.min(1.0, (double) days / weights.ageForFullPointsDays());
        return new PriorityTerm("age", "known for " + days + (days == 1 ? " day" : " days"), weights.age() * scaled);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
