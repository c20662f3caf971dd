package org.roadpulse.ingest.testdoubles;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;

/** Real Paho MQTT 5 clients, as a device or a third party would connect. */
public final class MqttTestClients {

    public static final long WAIT_MILLIS = 10_000;

    private MqttTestClients() {
    }

    /** A device connected with its id as client id and username, and its secret as password. */
    public static MqttAsyncClient device(String url, String deviceId, String secret) throws MqttException {
        return connected(url, deviceId, deviceId, secret, null);
    }

    public static MqttAsyncClient connected(String url, String clientId, String username, String password,
                                            LastWill will) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        try {
            client.connect(options(username, password, will)).waitForCompletion(WAIT_MILLIS);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    /** The exception of a CONNECT the broker refuses; its reason code is the CONNACK's. */
    public static MqttException refusal(String url, String clientId, String username, String password,
                                        LastWill will) {
        try {
            MqttAsyncClient client = connected(url, clientId, username, password, will);
            client.disconnect().waitForCompletion(WAIT_MILLIS);
            client.close(true);
        } catch (MqttException e) {
            return e;
        }
        throw new AssertionError("the broker let " + clientId + " in");
    }

    /**
     * Publishes at QoS 1 and returns the completed token (PUBACK received, reason codes set). Retries while Paho
     * still counts the previous publish as in flight (32202), which it does for a moment after its PUBACK.
     */
    public static IMqttToken publishQos1(MqttAsyncClient client, String topic, byte[] payload)
            throws MqttException, InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (true) {
            try {
                IMqttToken token = client.publish(topic, new MqttMessage(payload, 1, false, null));
                token.waitForCompletion(WAIT_MILLIS);
                return token;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1);
            }
        }
    }

    public static void closeQuietly(MqttAsyncClient client) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MILLIS);
            }
            client.close(true);
        } catch (MqttException e) {
            // the test is over
        }
    }

    /**
     * Subscribes with the client-wide callback (Paho never calls per-subscription listeners for shared
     * subscriptions) and returns the SUBACK's reason codes.
     */
    public static int[] subscribe(MqttAsyncClient client, String filter, MessageSink sink) throws MqttException {
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                sink.accept(topic, message);
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
        token.waitForCompletion(WAIT_MILLIS);
        return token.getReasonCodes();
    }

    /** Receives the messages of {@link #subscribe}. */
    @FunctionalInterface
    public interface MessageSink {
        void accept(String topic, MqttMessage message);
    }

    /** A last will to put in CONNECT. */
    public record LastWill(String topic, String payload) {
    }

    private static MqttConnectionOptions options(String username, String password, LastWill will) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        if (will != null) {
            options.setWill(will.topic(), new MqttMessage(will.payload().getBytes(StandardCharsets.UTF_8), 1, true, null));
        }
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        return options;
    }
}
