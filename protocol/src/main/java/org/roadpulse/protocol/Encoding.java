package org.roadpulse.protocol;

import java.util.Arrays;
import java.util.Locale;
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
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.mediaType.equals(bare)).findFirst();
    }

    public static Optional<Encoding> fromCoapContentFormat(int format) {
        return Arrays.stream(values()).filter(e -> e.coapContentFormat == format).findFirst();
    }

    /**
     * Guesses the encoding of an MQTT payload, which carries no content type in MQTT 3.1.1: a JSON object starts with
     * '{' (after optional whitespace); a CBOR map starts with a major-type-5 byte (0xA0–0xBF), or with the
     * self-described CBOR tag 55799 (0xD9 0xD9 0xF7, RFC 8949 §3.4.6) that some CBOR libraries put first.
     * Anything else is taken as JSON, so that it is refused as malformed JSON rather than guessed at.
     */
    public static Encoding sniff(byte[] payload) {
        if (payload.length >= 3 && (payload[0] & 0xFF) == 0xD9 && (payload[1] & 0xFF) == 0xD9
                && (payload[2] & 0xFF) == 0xF7) {
            return CBOR;
        }
        for (byte b : payload) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return (b & 0xE0) == 0xA0 ? CBOR : JSON;
        }
        return JSON;
    }
}
