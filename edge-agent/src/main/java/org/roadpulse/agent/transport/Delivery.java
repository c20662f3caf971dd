package org.roadpulse.agent.transport;

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

    /** Not answered or not now (timeout, lost connection, CoAP 5.03): keep it and send it again later. */
    record Retry(String reason) implements Delivery {
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
        return new Retry(reason);
    }
}
