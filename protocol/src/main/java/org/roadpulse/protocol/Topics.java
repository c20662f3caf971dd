package org.roadpulse.protocol;

import java.util.Optional;

/**
 * The MQTT topic tree and CoAP resource paths of contract v1. Every device has its own subtree, so a broker
 * authorizer can confine a device to it.
 *
 * <pre>
 * roadpulse/v1/{device}/counts   device → platform, QoS 1, CountInterval
 * roadpulse/v1/{device}/status   device → platform, QoS 1, StatusReport (also the last will, retained)
 * roadpulse/v1/{device}/config   platform → device, QoS 1, retained DeviceConfig
 * </pre>
 */
public final class Topics {

    public static final String ROOT = "roadpulse/v1/";
    /** The ingest services' shared subscription: each message goes to exactly one service instance. */
    public static final String SHARED_COUNTS_SUBSCRIPTION = "$share/ingest/" + ROOT + "+/counts";
    public static final String SHARED_STATUS_SUBSCRIPTION = "$share/ingest/" + ROOT + "+/status";

    /** CoAP: {@code POST /v1/{device}/counts}, {@code POST /v1/{device}/status}, {@code GET+Observe /v1/{device}/config}. */
    public static final String COAP_ROOT = "v1";

    private Topics() {
    }

    public static String counts(String deviceId) {
        return ROOT + deviceId + "/counts";
    }

    public static String status(String deviceId) {
        return ROOT + deviceId + "/status";
    }

    public static String config(String deviceId) {
        return ROOT + deviceId + "/config";
    }

    /** The device id in a topic of this tree, if it is one. */
    public static Optional<String> deviceOf(String topic) {
        if (!topic.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = topic.substring(ROOT.length());
        int slash = rest.indexOf('/');
        return slash > 0 ? Optional.of(rest.substring(0, slash)) : Optional.empty();
    }
}
