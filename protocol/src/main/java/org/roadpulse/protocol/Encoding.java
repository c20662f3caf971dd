package org.roadpulse.protocol;

import java.util.Arrays;
import java.util.Optional;

/** The two encodings of the same payload structure, with their media types and CoAP content-format numbers. */
public enum Encoding {
    JSON("application/json", 50),
    CBOR("application/cbor", 60);

    private final String mediaType;
    private final int coapContentFormat;

    Encoding(String mediaType, int coapContentFormat) {
        this.mediaType = mediaType;
        this.coapContentFormat = coapContentFormat;
    }

    public String mediaType() {
        return mediaType;
    }

    public int coapContentFormat() {
        return coapContentFormat;
    }

    /** Matches a media type such as {@code application/json; charset=utf-8}. */
    public static Optional<Encoding> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase();
        return Arrays.stream(values()).filter(e -> e.mediaType.equals(bare)).findFirst();
    }

    public static Optional<Encoding> fromCoapContentFormat(int format) {
        return Arrays.stream(values()).filter(e -> e.coapContentFormat == format).findFirst();
    }

    /**
     * Guesses the encoding of an MQTT payload, which carries no content type in MQTT 3.1.1: a JSON object starts with
     * '{' (after optional whitespace); a CBOR map starts with a major-type-5 byte (0xA0–0xBF).
     */
    public static Encoding sniff(byte[] payload) {
        for (byte b : payload) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return (b & 0xE0) == 0xA0 ? CBOR : JSON;
        }
        return JSON;
    }
}
