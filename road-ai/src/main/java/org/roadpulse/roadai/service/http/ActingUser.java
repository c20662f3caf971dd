package org.roadpulse.roadai.service.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.roadpulse.roadai.service.queue.InvalidParameterException;

/** Who makes a change, from the header {@code X-RoadPulse-User}: the name the audit trail keeps (logins: issue #7). */
final class ActingUser {

    static final String HEADER = "X-RoadPulse-User";
    private static final int MAX_LENGTH = 120;

    private ActingUser() {
    }

    /** The pages percent-encode the name (headers carry Latin-1 only); a plain name passes unchanged. */
    static String decoded(String header) {
        if (header == null || !header.contains("%")) {
            return header;
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }

    /** The name, or a 400 naming the header when it is missing, blank or too long. */
    static String required(String header) {
        String name = decoded(header);
        if (name == null || name.isBlank()) {
            throw new InvalidParameterException(HEADER, "say who does this (header " + HEADER + ")");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidParameterException(HEADER, HEADER + " is longer than " + MAX_LENGTH + " characters");
        }
        return trimmed;
    }
}
