package org.roadpulse.ingest.broker;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.MqttActivity;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.SharedSubscription;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import org.roadpulse.protocol.Topics;

import java.util.List;

/**
 * What each account may do on the broker; everything not listed is denied. HiveMQ applies these to PUBLISH (an MQTT 5
 * client gets PUBACK "not authorized", an MQTT 3 client is disconnected), to the last will in CONNECT and to SUBSCRIBE.
 * Built with HiveMQ's {@link Builders}, so only usable inside the running broker.
 */
final class TopicPermissions {

    /** The shared-subscription group of {@link Topics#SHARED_COUNTS_SUBSCRIPTION}. */
    static final String INGEST_GROUP = "ingest";

    private TopicPermissions() {
    }

    /** A device publishes its own counts and status (also as its last will) and reads its own configuration. */
    static List<TopicPermission> forDevice(String deviceId) {
        return List.of(
                allow(Topics.counts(deviceId), MqttActivity.PUBLISH),
                allow(Topics.status(deviceId), MqttActivity.PUBLISH),
                allow(Topics.config(deviceId), MqttActivity.SUBSCRIBE));
    }

    /** The ingest service reads every device's counts and status in its shared group and writes every configuration. */
    static List<TopicPermission> forService() {
        return List.of(
                shared(Topics.counts("+")),
                shared(Topics.status("+")),
                allow(Topics.config("+"), MqttActivity.PUBLISH));
    }

    private static TopicPermission allow(String topicFilter, MqttActivity activity) {
        return Builders.topicPermission()
                .topicFilter(topicFilter)
                .activity(activity)
                .type(TopicPermission.PermissionType.ALLOW)
                .sharedSubscription(SharedSubscription.NOT_SHARED)
                .build();
    }

    private static TopicPermission shared(String topicFilter) {
        return Builders.topicPermission()
                .topicFilter(topicFilter)
                .activity(MqttActivity.SUBSCRIBE)
                .type(TopicPermission.PermissionType.ALLOW)
                .sharedSubscription(SharedSubscription.SHARED)
                .sharedGroup(INGEST_GROUP)
                .build();
    }
}
