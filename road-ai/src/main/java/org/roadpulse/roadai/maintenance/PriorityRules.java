package org.roadpulse.roadai.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
        TermFacts.Safety safety = new TermFacts.Safety(item.largestPotholeArea(), weights.safetyPotholeSquareMetres());
        List<PriorityTerm> terms = List.of(
                new PriorityTerm(safety, 0),
                new PriorityTerm(new TermFacts.Condition(item.grade()),
                        weights.grade() * (item.grade().value() - 1.0) / 4.0),
                trafficTerm(item.traffic()),
                new PriorityTerm(new TermFacts.Road(item.roadClass()),
                        weights.roadClass() * item.roadClass().importance()),
                ageTerm(item.firstSeen(), now),
                new PriorityTerm(new TermFacts.Certainty(item.certainty()), weights.certainty() * item.certainty()));
        double score = terms.stream().mapToDouble(PriorityTerm::points).sum();
        return new Priority(safety.critical(), Math.round(score * 10) / 10.0, terms);
    }

    /** Logarithmic: going from 100 to 1,000 vehicles matters as much as from 1,000 to 10,000. */
    private PriorityTerm trafficTerm(Traffic traffic) {
        double load = traffic.dtv() * (1 + traffic.heavyShare() * (weights.heavyVehicleFactor() - 1));
        double scaled = Math.min(1.0, Math.log10(1 + load) / Math.log10(1 + weights.trafficForFullPoints()));
        return new PriorityTerm(new TermFacts.Load(traffic), weights.traffic() * scaled);
    }

    private PriorityTerm ageTerm(Instant firstSeen, Instant now) {
        long days = Math.max(0, Duration.between(firstSeen, now).toDays());
        double scaled = Math.min(1.0, (double) days / weights.ageForFullPointsDays());
        return new PriorityTerm(new TermFacts.Age(days), weights.age() * scaled);
    }
}
