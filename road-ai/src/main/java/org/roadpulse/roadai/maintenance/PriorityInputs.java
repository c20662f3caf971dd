package org.roadpulse.roadai.maintenance;

import org.roadpulse.roadai.roads.RoadClass;

import java.time.Instant;
import java.util.Objects;

/**
 * What the list knows about one item when it ranks it.
 *
 * @param grade               the condition grade of the item's section
 * @param largestPotholeArea  the largest pothole of the item in m² (0 when it has none)
 * @param traffic             the traffic on its road
 * @param roadClass           the class of its road
 * @param firstSeen           when a drive first found the damage
 * @param certainty           how sure it is that the damage is real: the model's confidence (0–1) while nobody has
 *                            looked, 1 once staff confirmed it
 */
public record PriorityInputs(ConditionGrade grade, double largestPotholeArea, Traffic traffic, RoadClass roadClass,
                             Instant firstSeen, double certainty) {

    public PriorityInputs {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(roadClass, "roadClass");
        Objects.requireNonNull(firstSeen, "firstSeen");
        if (!(largestPotholeArea >= 0)) {
            throw new IllegalArgumentException("pothole area must not be negative: " + largestPotholeArea);
        }
        if (!(certainty >= 0 && certainty <= 1)) {
            throw new IllegalArgumentException("certainty lies between 0 and 1, not " + certainty);
        }
    }
}
