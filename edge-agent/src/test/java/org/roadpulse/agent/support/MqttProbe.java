package org.roadpulse.agent.support;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.ArrayList;
import java.util.List;

/**
 * A Paho subscriber that records what the broker delivers. With {@code persistent} it keeps a session on the broker
 * (cleanSession=false) and reconnects by itself, so that nothing published while it was away is lost to it.
 */
public final class MqttProbe implements AutoCloseable {

    /** One delivered message. */
    public record Delivered(String topic, byte[] payload, int qos, boolean retained) {
    }

    private final MqttClient client;
    private final List<Delivered> delivered = new ArrayList<>();
    private final String filter;

    public MqttProbe(String uri, String clientId, String filter, boolean persistent) throws MqttException {
        this.filter = filter;
        client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                synchronized (delivered) {
                    delivered.add(new Delivered(topic, message.getPayload(), message.getQos(), message.isRetained()));
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(!persistent);
        options.setAutomaticReconnect(persistent);
        options.setMaxReconnectDelay(1000);
        options.setConnectionTimeout(5);
        client.connect(options);
        client.subscribe(filter, 1);
    }

    public List<Delivered> delivered() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    public void publishRetained(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, true);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    @Override
    public String toString() {
        return "MqttProbe[" + filter + "]";
    }
}
