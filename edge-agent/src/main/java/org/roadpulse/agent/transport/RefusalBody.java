package org.roadpulse.agent.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * What the service says when it refuses an interval, on CoAP and HTTP alike (contract v1, "Replies"):
 * {@code {"reason": "count.negative", "field": "lanes[0].counts.Lkw", "message": "..."}}.
 * The reason is a stable code, so rejections can be counted per reason; field and message are for people.
 */
public record RefusalBody(String reason, String field, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body's fields, or empty when it is not such a body (a proxy's error page, an empty answer). */
    public static Optional<RefusalBody> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject() || !tree.path("reason").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new RefusalBody(tree.path("reason").asText(), text(tree, "field"),
                    text(tree, "message")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The delivery for a refusal answered with {@code status} (e.g. {@code 4.00}, {@code HTTP 400}): counted under the
     * body's reason where it has one, else under the status, so that a refusal is never lost in the summary.
     */
    public static Delivery rejection(String status, byte[] body) {
        return parse(body)
                .map(refusal -> Delivery.rejected(refusal.reason(), refusal.describe(status)))
                .orElseGet(() -> Delivery.rejected(status, ""));
    }

    private String describe(String status) {
        StringBuilder text = new StringBuilder(status);
        if (field != null) {
            text.append(", field ").append(field);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        return text.toString();
    }

    private static String text(JsonNode tree, String name) {
        JsonNode node = tree.path(name);
        return node.isTextual() ? node.asText() : null;
    }
}
