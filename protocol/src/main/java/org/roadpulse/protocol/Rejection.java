package org.roadpulse.protocol;

/**
 * Why a payload was refused: a stable reason code (the contract, listed in firmware-specs), the offending field as a
 * path such as {@code lanes[0].counts.Pkw} (or null for the payload as a whole), and a message for people.
 */
public record Rejection(String reason, String field, String message) {

    public static Rejection of(String reason, String field, String message) {
        return new Rejection(reason, field, message);
    }

    @Override
    public String toString() {
        return field == null ? reason + ": " + message : reason + " at " + field + ": " + message;
    }
}
