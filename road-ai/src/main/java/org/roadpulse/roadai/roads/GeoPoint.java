package org.roadpulse.roadai.roads;

/** A position in WGS 84 degrees, as GPS, EXIF and GeoJSON give it. */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a WGS 84 position: latitude " + latitude + ", longitude "
                    + longitude);
        }
    }
}
