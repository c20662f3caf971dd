package org.roadpulse.roadai.tracks;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import org.roadpulse.roadai.roads.GeoPoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

/**
 * What a camera wrote into an image about where and when: the EXIF GPS position and the capture time (GPS time when
 * present, which is UTC; else the camera's original time, read as UTC for want of a zone). Either may be absent.
 */
public record ExifFacts(Optional<GeoPoint> position, Optional<Instant> capturedAt) {

    public static ExifFacts of(byte[] image) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
        } catch (ImageProcessingException | IOException e) {
            return new ExifFacts(Optional.empty(), Optional.empty());
        }
        Optional<GeoPoint> position = Optional.empty();
        Optional<Instant> time = Optional.empty();
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        if (gps != null) {
            GeoLocation location = gps.getGeoLocation();
            if (location != null && !location.isZero()) {
                position = Optional.of(new GeoPoint(location.getLatitude(), location.getLongitude()));
            }
            time = Optional.ofNullable(gps.getGpsDate()).map(Date::toInstant);
        }
        if (time.isEmpty()) {
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null) {
                time = Optional.ofNullable(exif.getDateOriginal(TimeZone.getTimeZone("UTC"))).map(Date::toInstant);
            }
        }
        return new ExifFacts(position, time);
    }
}
