package org.roadpulse.roadai.maintenance;

/**
 * How a municipality weighs what makes an item urgent. Safety-critical potholes go first whatever the weights; among
 * the rest, the score is the weighted sum of four terms, each scaled to 0–1 before weighting, so the weights read as
 * the points each term can contribute at most.
 *
 * @param grade                      points for the worst grade (5.0); 1.0 earns none
 * @param traffic                    points for the busiest roads ({@code trafficForFullPoints} load and more)
 * @param roadClass                  points for the most important road class
 * @param age                        points for damage known {@code ageForFullPointsDays} or longer
 * @param certainty                  points for damage that is surely real (confirmed, or the model fully sure)
 * @param safetyPotholeSquareMetres  a pothole this large or larger is safety-critical
 * @param heavyVehicleFactor         how many cars one heavy vehicle counts as for road wear
 * @param trafficForFullPoints       the wear-weighted vehicles per day that earn the full traffic points
 * @param ageForFullPointsDays       days after which the age term is full
 */
public record PriorityWeights(double grade, double traffic, double roadClass, double age, double certainty,
                              double safetyPotholeSquareMetres, double heavyVehicleFactor,
                              double trafficForFullPoints, int ageForFullPointsDays) {

    public PriorityWeights {
        requireNotNegative("grade", grade);
        requireNotNegative("traffic", traffic);
        requireNotNegative("roadClass", roadClass);
        requireNotNegative("age", age);
        requireNotNegative("certainty", certainty);
        if (!(safetyPotholeSquareMetres > 0)) {
            throw new IllegalArgumentException("safetyPotholeSquareMetres must be positive");
        }
        if (!(heavyVehicleFactor >= 1)) {
            throw new IllegalArgumentException("heavyVehicleFactor must be at least 1");
        }
        if (!(trafficForFullPoints > 0) || ageForFullPointsDays <= 0) {
            throw new IllegalArgumentException("trafficForFullPoints and ageForFullPointsDays must be positive");
        }
    }

    /**
     * Condition first (40), then traffic (25), road class (20), age (15) and certainty (10: among unconfirmed items,
     * the ones the model is surer of come first); a pothole of 0.04 m² (20 × 20 cm) is
     * safety-critical; a heavy vehicle wears the road like three cars (a deliberately mild stand-in for the
     * fourth-power law, which would let a handful of lorries drown every other term).
     */
    public static PriorityWeights defaults() {
        return new PriorityWeights(40, 25, 20, 15, 10, 0.04, 3, 20_000, 180);
    }

    private static void requireNotNegative(String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(name + " weight must not be negative: " + value);
        }
    }
}
