package org.roadpulse.ingest.broker;

import org.roadpulse.protocol.Topics;

import java.util.List;

/**
 * One thing an account may do on the broker; everything not granted is denied. The same grants are given to the
 * embedded HiveMQ ({@link TopicPermissions}) and, as an ACL, to an external EMQX (the broker hook).
 *
 * @param topicFilter an exact topic for devices; with {@code +} for the service account
 * @param sharedGroup the shared-subscription group a subscription must use, or null for a plain one
 */
public record BrokerGrant(String topicFilter, Activity activity, String sharedGroup) {

    /** The shared-subscription group of {@link Topics#SHARED_COUNTS_SUBSCRIPTION}. */
    public static final String INGEST_GROUP = "ingest";

    public enum Activity { PUBLISH, SUBSCRIBE }

    /** A device publishes its own counts and status (also as its last will) and reads its own configuration. */
    public static List<BrokerGrant> forDevice(String deviceId) {
        return List.of(
                new BrokerGrant(Topics.counts(deviceId), Activity.PUBLISH, null),
                new BrokerGrant(Topics.status(deviceId), Activity.PUBLISH, null),
                new BrokerGrant(Topics.config(deviceId), Activity.SUBSCRIBE, null));
    }

    /** The ingest service reads every device's counts and status in its shared group and writes every configuration. */
    public static List<BrokerGrant> forService() {
        return List.of(
                new BrokerGrant(Topics.counts("+"), Activity.SUBSCRIBE, INGEST_GROUP),
                new BrokerGrant(Topics.status("+"), Activity.SUBSCRIBE, INGEST_GROUP),
                new BrokerGrant(Topics.config("+"), Activity.PUBLISH, null));
    }
}
