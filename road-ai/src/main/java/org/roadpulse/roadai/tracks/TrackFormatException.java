package org.roadpulse.roadai.tracks;

/** A track file that cannot be read, with what is wrong and where. */
public final class TrackFormatException extends Exception {

    public TrackFormatException(String message) {
        super(message);
    }

    public TrackFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
