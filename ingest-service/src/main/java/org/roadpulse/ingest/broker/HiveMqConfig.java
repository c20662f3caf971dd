package org.roadpulse.ingest.broker;

/**
 * The {@code conf/config.xml} of the embedded HiveMQ, written anew on every start from the service's settings.
 * File persistence keeps sessions, subscriptions and queued QoS 1 messages across restarts.
 */
final class HiveMqConfig {

    private HiveMqConfig() {
    }

    /**
     * @param port         MQTT TCP port, 0 for any free one
     * @param maxQueueSize messages queued per client (and shared subscription) before HiveMQ drops; its default of
     *                     1,000 loses a burst sent while the ingest service is down
     */
    static String xml(String bindAddress, int port, long maxQueueSize) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("MQTT port out of range: " + port);
        }
        if (maxQueueSize < 1) {
            throw new IllegalArgumentException("max-queue-size must be positive: " + maxQueueSize);
        }
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <name>roadpulse-mqtt</name>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                        <shared-subscriptions>
                            <enabled>true</enabled>
                        </shared-subscriptions>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                    <persistence>
                        <mode>file</mode>
                    </persistence>
                </hivemq>
                """.formatted(port, bindAddress, maxQueueSize);
    }
}
