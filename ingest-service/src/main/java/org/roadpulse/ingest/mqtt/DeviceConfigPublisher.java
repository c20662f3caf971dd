package org.roadpulse.ingest.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.roadpulse.ingest.broker.ServiceAccount;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.Topics;
import org.roadpulse.protocol.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Sends a device its configuration: a retained QoS 1 message on {@code roadpulse/v1/{device}/config}, which the broker
 * keeps (on disk) and hands to the device whenever it subscribes. Listeners — the CoAP config resource — hear of
 * every published configuration, which this process also remembers until it stops.
 */
public final class DeviceConfigPublisher implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int ATTEMPTS = 3;

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final Map<String, DeviceConfig> published = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, DeviceConfig>> listeners = new CopyOnWriteArrayList<>();

    public DeviceConfigPublisher(String brokerUrl, ServiceAccount account) {
        try {
            this.client = new MqttAsyncClient(brokerUrl, account.username() + "-config", new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT client for " + brokerUrl, e);
        }
        this.options = new MqttConnectionOptions();
        options.setUserName(account.username());
        options.setPassword(account.password().getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
    }

    /**
     * Publishes a device's configuration; the future completes when the broker has it (PUBACK).
     *
     * @throws IllegalArgumentException for a malformed device id or a configuration outside the contract's limits
     */
    public CompletableFuture<Void> publish(String deviceId, DeviceConfig config) {
        if (!deviceId.matches(Limits.DEVICE_ID_PATTERN)) {
            throw new IllegalArgumentException("not a device id: " + deviceId);
        }
        byte[] payload = StatusCodec.encode(config, Encoding.JSON);
        Verdict<DeviceConfig> check = StatusCodec.decodeConfig(payload, Encoding.JSON);
        if (!check.isAccepted()) {
            throw new IllegalArgumentException("configuration outside the contract: " + check.rejection());
        }
        MqttMessage message = new MqttMessage(payload, 1, true, new MqttProperties());
        message.getProperties().setContentType(Encoding.JSON.mediaType());
        CompletableFuture<Void> sent = new CompletableFuture<>();
        send(Topics.config(deviceId), message, sent, ATTEMPTS);
        return sent.thenRun(() -> {
            published.put(deviceId, config);
            listeners.forEach(listener -> listener.accept(deviceId, config));
        });
    }

    /** The configuration this process last published for a device. */
    public Optional<DeviceConfig> current(String deviceId) {
        return Optional.ofNullable(published.get(deviceId));
    }

    public void onPublish(BiConsumer<String, DeviceConfig> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(CONNECT_TIMEOUT_SECONDS * 1000L);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing anyway
        }
    }

    private void send(String topic, MqttMessage message, CompletableFuture<Void> sent, int attemptsLeft) {
        try {
            ensureConnected();
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        sent.completeExceptionally(new IllegalStateException(
                                "broker refused the configuration on " + topic + ": reason 0x" + Integer.toHexString(codes[0])));
                    } else {
                        sent.complete(null);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    sent.completeExceptionally(failure);
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT && attemptsLeft > 1) {
                CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(() -> send(topic, message, sent, attemptsLeft - 1));
            } else {
                sent.completeExceptionally(e);
            }
        }
    }

    private synchronized void ensureConnected() throws MqttException {
        if (!client.isConnected()) {
            client.connect(options).waitForCompletion(CONNECT_TIMEOUT_SECONDS * 1000L);
        }
    }
}
