package org.roadpulse.ingest.broker;

/**
 * The {@code conf/config.xml} of the embedded HiveMQ, written anew on every start from the service's settings.
 * File persistence keeps sessions, subscriptions and queued QoS 1 messages across restarts.
 */
final class HiveMqConfig {

    static final String PLAIN_LISTENER = "roadpulse-mqtt";
    static final String TLS_LISTENER = "roadpulse-mqtts";

    private HiveMqConfig() {
    }

    /**
     * @param port         MQTT TCP port, 0 for any free one
     * @param maxQueueSize messages queued per client (and shared subscription) before HiveMQ drops; its default of
     *                     1,000 loses a burst sent while the ingest service is down
     * @param tls          a TLS listener beside the plain one, or null for none
     */
    static String xml(String bindAddress, int port, long maxQueueSize, BrokerTls tls) {
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
                            <name>%s</name>
                        </tcp-listener>
                %s    </listeners>
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
                """.formatted(port, bindAddress, PLAIN_LISTENER, tlsListener(bindAddress, tls), maxQueueSize);
    }

    /** Client certificates are not asked for: a device proves who it is with its secret, as on plain MQTT. */
    private static String tlsListener(String bindAddress, BrokerTls tls) {
        if (tls == null) {
            return "";
        }
        return """
                        <tls-tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <name>%s</name>
                            <tls>
                                <keystore>
                                    <path>%s</path>
                                    <password>%s</password>
                                    <private-key-password>%s</private-key-password>
                                </keystore>
                                <client-authentication-mode>NONE</client-authentication-mode>
                            </tls>
                        </tls-tcp-listener>
                """.formatted(tls.port(), bindAddress, TLS_LISTENER, xmlText(tls.keystore().toAbsolutePath().toString()),
                xmlText(tls.keystorePassword()), xmlText(tls.keystorePassword()));
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
