package org.roadpulse.agent.transport;

import java.time.Duration;

/** The service's answer for one interval, as far as the outbox is concerned. */
public sealed interface Delivery {

    /** Stored (or recognised as a duplicate): remove it from the outbox. */
    record Acked() implements Delivery {
    }

    /**
     * Refused for good (CoAP 4.xx, HTTP 400/413/415): sending it again would be refused again, so remove it from the
     * outbox, count it and log the reason. (MQTT cannot say this: the service acknowledges a refused message like
     * any other.)
     *
     * @param reason the contract's reason code ({@code count.implausible}) where the service gave one, else the
     *               transport's status; rejections are counted per reason
     * @param detail what else the answer said, for the log (may be empty)
     */
    record Rejected(String reason, String detail) implements Delivery {
    }

    /**
     * Not answered or not now (timeout, lost connection, CoAP 5.03, over the rate limit): keep it and send it again
     * later, after the backoff or after {@code atLeast} where the service asked for longer (HTTP {@code Retry-After},
     * CoAP {@code Max-Age}).
     */
    record Retry(String reason, Duration atLeast) implements Delivery {
    }

    static Delivery acked() {
        return new Acked();
    }

    static Delivery rejected(String reason) {
        return new Rejected(reason, "");
    }

    static Delivery rejected(String reason, String detail) {
        return new Rejected(reason, detail);
    }

    static Delivery retry(String reason) {
        return new Retry(reason, Duration.ZERO);
    }

    /** Longer waits than {@link #LONGEST_WAIT} asked by a service are cut to it: a device must come back some time. */
    Duration LONGEST_WAIT = Duration.ofMinutes(15);

    /** As {@link #retry(String)}, not before {@code seconds} (negative: none given), at most {@link #LONGEST_WAIT}. */
    static Delivery retryAfter(String reason, long seconds) {
        return new Retry(reason, seconds <= 0 ? Duration.ZERO
                : Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds())));
    }
}
