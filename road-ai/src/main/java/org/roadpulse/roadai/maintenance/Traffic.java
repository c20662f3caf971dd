package org.roadpulse.roadai.maintenance;

import org.roadpulse.roadai.roads.RoadClass;

import java.util.Objects;

/**
 * The traffic a stretch of road carries: average daily vehicles (DTV), the heavy-vehicle share, and where the figures
 * come from (a measurement site's flow history, or the road class's default).
 */
public record Traffic(double dtv, double heavyShare, String source) {

    public Traffic {
        Objects.requireNonNull(source, "source");
        if (!(dtv >= 0)) {
            throw new IllegalArgumentException("DTV must not be negative: " + dtv);
        }
        if (!(heavyShare >= 0 && heavyShare <= 1)) {
            throw new IllegalArgumentException("heavy share lies between 0 and 1, not " + heavyShare);
        }
    }

    /** The assumption for a road nobody counts: its class's default DTV and a 5 % heavy share. */
    public static Traffic assumedFor(RoadClass roadClass) {
        return new Traffic(roadClass.defaultDtv(), 0.05, "default for " + roadClass.germanName());
    }
}
