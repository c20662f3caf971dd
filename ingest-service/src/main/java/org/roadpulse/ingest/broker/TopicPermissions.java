package org.roadpulse.ingest.broker;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.MqttActivity;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.SharedSubscription;
import com.hivemq.extension.sdk.api.services.builder.Builders;

import java.util.List;

/**
 * {@link BrokerGrant}s as HiveMQ permissions. HiveMQ applies them to PUBLISH (an MQTT 5 client gets PUBACK "not
 * authorized", an MQTT 3 client is disconnected), to the last will in CONNECT and to SUBSCRIBE. Built with HiveMQ's
 * {@link Builders}, so only usable inside the running broker.
 */
final class TopicPermissions {

    private TopicPermissions() {
    }

    static List<TopicPermission> of(List<BrokerGrant> grants) {
        return grants.stream().map(TopicPermissions::permission).toList();
    }

    private static TopicPermission permission(BrokerGrant grant) {
        var builder = Builders.topicPermission()
                .topicFilter(grant.topicFilter())
                .activity(grant.activity() == BrokerGrant.Activity.PUBLISH ? MqttActivity.PUBLISH
                        : MqttActivity.SUBSCRIBE)
                .type(TopicPermission.PermissionType.ALLOW);
        return grant.sharedGroup() == null
                ? builder.sharedSubscription(SharedSubscription.NOT_SHARED).build()
                : builder.sharedSubscription(SharedSubscription.SHARED).sharedGroup(grant.sharedGroup()).build();
    }
}
