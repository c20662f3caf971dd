package org.roadpulse.agent.source;

import java.time.Instant;
import java.util.Objects;

/**
 * What a live source tells its aggregation, in event-time order: a vehicle passed, the road was watched up to a time
 * (so quiet intervals close on time with zero counts), or the detector was blind for a while (so the intervals it
 * touched are not reported as zero traffic).
 */
public sealed interface Reading permits Reading.Passed, Reading.Watched, Reading.Outage {

    /** A vehicle passed the detector. */
    record Passed(Vehicle vehicle) implements Reading {
        public Passed {
            Objects.requireNonNull(vehicle, "vehicle");
        }
    }

    /** Every vehicle before {@code until} has been read: the road was watched without a break up to then. */
    record Watched(Instant until) implements Reading {
        public Watched {
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * The detector saw nothing from {@code from} (the last moment it watched) to {@code until} (the first moment it
     * watched again): a dropped stream, an unreadable device.
     */
    record Outage(Instant from, Instant until, String reason) implements Reading {
        public Outage {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (until.isBefore(from)) {
                throw new IllegalArgumentException("an outage ends after it begins: " + from + " to " + until);
            }
        }
    }
}
