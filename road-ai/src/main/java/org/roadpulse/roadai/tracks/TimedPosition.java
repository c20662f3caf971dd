package org.roadpulse.roadai.tracks;

import org.roadpulse.roadai.roads.GeoPoint;

import java.time.Instant;
import java.util.Objects;

/** Where the survey vehicle was at a moment. */
public record TimedPosition(Instant at, GeoPoint position) {

    public TimedPosition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(position, "position");
    }
}
