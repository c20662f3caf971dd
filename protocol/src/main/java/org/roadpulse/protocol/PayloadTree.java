package org.roadpulse.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import static org.roadpulse.protocol.Reasons.FIELD_MISSING;
import static org.roadpulse.protocol.Reasons.FIELD_TYPE;

/**
 * Typed access to the fields of a decoded payload tree (JSON or CBOR alike), each failure named with its reason and
 * field path. A JSON {@code null} counts as absent, as it does in the spec.
 */
final class PayloadTree {

    private PayloadTree() {
    }

    /** Signals the first rule a payload breaks; caught at the boundary and turned into a {@link Rejection}. */
    static final class Invalid extends RuntimeException {
        final Rejection rejection;

        Invalid(String reason, String field, String message) {
            super(message, null, false, false);
            this.rejection = Rejection.of(reason, field, message);
        }
    }

    static JsonNode required(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new Invalid(FIELD_MISSING, path, "required field '" + name + "' is missing");
        }
        return node;
    }

    static long integer(JsonNode parent, String name, String path) {
        return integerValue(required(parent, name, path), name, path);
    }

    /** A whole number, or null when absent. */
    static Long optionalInteger(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : integerValue(node, name, path);
    }

    static String text(JsonNode parent, String name, String path) {
        return textValue(required(parent, name, path), name, path);
    }

    /** A string, or null when absent. */
    static String optionalText(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : textValue(node, name, path);
    }

    /** A finite number (whole or not), or null when absent. */
    static Double optionalNumber(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new Invalid(FIELD_TYPE, path, "'" + name + "' must be a number");
        }
        return node.asDouble();
    }

    /**
     * True when the text holds no control character (U+0000–U+001F, U+007F–U+009F): free-text fields are shown to
     * people and stored, and PostgreSQL's text cannot hold U+0000 at all.
     */
    static boolean printable(String text) {
        return text.chars().noneMatch(Character::isISOControl);
    }

    private static long integerValue(JsonNode node, String name, String path) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new Invalid(FIELD_TYPE, path, "'" + name + "' must be a whole number");
        }
        return node.asLong();
    }

    private static String textValue(JsonNode node, String name, String path) {
        if (!node.isTextual()) {
            throw new Invalid(FIELD_TYPE, path, "'" + name + "' must be a string");
        }
        return node.asText();
    }
}
