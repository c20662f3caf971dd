package org.roadpulse.roadai.service.domain;

import org.roadpulse.roadai.roads.GeoPoint;

/**
 * A municipality the platform keeps a queue for, identified by its AGS, with the box its survey images may come from
 * (the seeded box around the town, widened by every road import).
 */
public record Municipality(String ags, String name, double minLat, double minLon, double maxLat, double maxLon) {

    public boolean covers(GeoPoint point) {
        return point.latitude() >= minLat && point.latitude() <= maxLat
                && point.longitude() >= minLon && point.longitude() <= maxLon;
    }
}
