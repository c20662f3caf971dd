package org.roadpulse.protocol;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamps on the wire: RFC 3339 date-times with seconds and an offset, as in {@code 2026-06-01T11:55:00Z}.
 *
 * <p>Java's ISO parser alone also takes {@code 2026-06-01T11:55Z} (no seconds), which RFC 3339 does not allow and a
 * firmware's own parser may not read; the pattern keeps both sides to the RFC. The same pattern is in the JSON schemas.
 */
final class WireTime {

    static final String RFC_3339_PATTERN =
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})";

    private static final Pattern RFC_3339 = Pattern.compile(RFC_3339_PATTERN);

    private WireTime() {
    }

    /** The instant, or empty when the text is not an RFC 3339 date-time. */
    static Optional<Instant> parse(String text) {
        if (!RFC_3339.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Always UTC with a {@code Z}, so that what one side writes the other reads byte for byte alike. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
