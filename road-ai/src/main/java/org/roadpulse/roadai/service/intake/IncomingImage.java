package org.roadpulse.roadai.service.intake;

import java.time.Instant;

/**
 * A survey image as it arrives, with what the sender said about it (each may be null: EXIF or the track fill in).
 */
public record IncomingImage(String fileName, byte[] bytes, Double latitude, Double longitude, Instant takenAt,
                            Double heading) {
}
