package org.roadpulse.roadai.roads;

import org.locationtech.jts.geom.Coordinate;

/**
 * Flattens WGS 84 positions onto a plane in metres around a reference point (equirectangular). Over a municipality —
 * a few tens of kilometres — the distances it gives are off by well under one percent, plenty for snapping a camera
 * position to a road and cutting roads into 10-m sections, and it needs no projection library.
 */
public final class LocalPlane {

    private static final double METRES_PER_DEGREE_LATITUDE = 111_195.0;

    private final double originLatitude;
    private final double originLongitude;
    private final double metresPerDegreeLongitude;

    public LocalPlane(GeoPoint origin) {
        this.originLatitude = origin.latitude();
        this.originLongitude = origin.longitude();
        this.metresPerDegreeLongitude = METRES_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(origin.latitude()));
    }

    public Coordinate toPlane(GeoPoint point) {
        return new Coordinate((point.longitude() - originLongitude) * metresPerDegreeLongitude,
                (point.latitude() - originLatitude) * METRES_PER_DEGREE_LATITUDE);
    }

    public GeoPoint toGeo(Coordinate coordinate) {
        return new GeoPoint(originLatitude + coordinate.y / METRES_PER_DEGREE_LATITUDE,
                originLongitude + coordinate.x / metresPerDegreeLongitude);
    }
}
