package org.roadpulse.agent.transport.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.roadpulse.agent.outbox.OutboxRecord;
import org.roadpulse.agent.transport.CountPublisher;
import org.roadpulse.agent.transport.Delivery;
import org.roadpulse.agent.transport.DeviceIdentity;
import org.roadpulse.agent.transport.TlsSettings;
import org.roadpulse.agent.transport.TransportException;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.StatusReport;
import org.roadpulse.protocol.Topics;
import org.roadpulse.protocol.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Publishes over MQTT 3.1.1 with the Paho async client, as contract v1 describes:
 * <ul>
 *   <li>client id = device id, username = device id, password = the device secret; optional TLS;</li>
 *   <li>{@code cleanSession=false}, so the broker keeps the configuration subscription and what it queued while the
 *       device was away;</li>
 *   <li>counts on {@link Topics#counts} with QoS 1: the service acknowledges (PUBACK) only after it committed — and
 *       also for payloads it refused, which MQTT cannot report back, so every PUBACK is {@link Delivery.Acked};</li>
 *   <li>status on {@link Topics#status}, QoS 1, retained; the last will is {@link StatusReport#lastWill} on the same
 *       topic, retained, so an abrupt loss leaves "offline" there;</li>
 *   <li>the retained {@link DeviceConfig} on {@link Topics#config} is passed to the configuration listener.</li>
 * </ul>
 * Paho refuses a publish with 32202 when its in-flight window is full; the window is raised
 * ({@code maxInflight}) and such a publish is retried here a few times before it is handed back as a retry.
 * Reconnecting is left to the {@link org.roadpulse.agent.transport.OutboxDrainer} (no Paho auto-reconnect), so one
 * backoff governs it.
 */
public final class MqttCountPublisher implements CountPublisher {

    /**
     * @param serverUri      {@code tcp://host:1883} or {@code ssl://host:8883}
     * @param encoding       encoding of status messages (counts go as the outbox stored them)
     * @param maxInflight    Paho's in-flight limit: keep it above the drainer's window
     * @param connectTimeout how long one connection attempt may take
     * @param tls            trust settings for {@code ssl://}, or null for the JVM's defaults
     */
    public record Settings(String serverUri, Encoding encoding, int maxInflight, Duration connectTimeout,
                           int keepAliveSeconds, TlsSettings tls) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MqttCountPublisher.class);
    private static final int INFLIGHT_RETRIES = 40;
    private static final long INFLIGHT_RETRY_MILLIS = 50;

    private final DeviceIdentity device;
    private final Settings settings;
    private final Consumer<DeviceConfig> configListener;
    private final ScheduledExecutorService retries;
    private volatile MqttAsyncClient client;
    private volatile boolean connected;

    public MqttCountPublisher(DeviceIdentity device, Settings settings, Consumer<DeviceConfig> configListener) {
        this.device = device;
        this.settings = settings;
        this.configListener = configListener;
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqtt-retry-" + device.deviceId());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public synchronized void connect() throws TransportException {
        try {
            if (client == null) {
                client = new MqttAsyncClient(settings.serverUri(), device.deviceId(), new MemoryPersistence());
                client.setCallback(new Callback());
            }
            long timeout = settings.connectTimeout().toMillis();
            client.connect(options()).waitForCompletion(timeout);
            client.subscribe(Topics.config(device.deviceId()), 1).waitForCompletion(timeout);
            connected = true;
        } catch (MqttException e) {
            discardClient();
            throw new TransportException("MQTT connect to " + settings.serverUri() + " failed: " + describe(e), e);
        } catch (IOException | GeneralSecurityException e) {
            discardClient();
            throw new TransportException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean connected() {
        MqttAsyncClient current = client;
        return connected && current != null && current.isConnected();
    }

    @Override
    public CompletableFuture<Delivery> publish(OutboxRecord record) {
        CompletableFuture<Delivery> answer = new CompletableFuture<>();
        attempt(Topics.counts(device.deviceId()), record.payload(), false, answer, INFLIGHT_RETRIES);
        return answer;
    }

    @Override
    public CompletableFuture<Void> publishStatus(StatusReport status) {
        CompletableFuture<Delivery> answer = new CompletableFuture<>();
        attempt(Topics.status(device.deviceId()), StatusCodec.encode(status, settings.encoding()), true, answer, 0);
        return answer.thenAccept(delivery -> {
            if (!(delivery instanceof Delivery.Acked)) {
                LOG.debug("{}: status not delivered: {}", device.deviceId(), delivery);
            }
        });
    }

    @Override
    public synchronized void close() {
        MqttAsyncClient current = client;
        connected = false;
        if (current != null) {
            try {
                if (current.isConnected()) {
                    current.disconnect(1000).waitForCompletion(3000);
                }
            } catch (MqttException e) {
                LOG.debug("{}: disconnect: {}", device.deviceId(), describe(e));
            }
            discardClient();
        }
        retries.shutdownNow();
    }

    @Override
    public synchronized void halt() {
        connected = false;
        MqttAsyncClient current = client;
        client = null;
        if (current != null) {
            try {
                current.disconnectForcibly(0, 0, false);
            } catch (MqttException e) {
                LOG.debug("{}: forced disconnect: {}", device.deviceId(), describe(e));
            }
            closeQuietly(current);
        }
        retries.shutdownNow();
    }

    private void attempt(String topic, byte[] payload, boolean retained, CompletableFuture<Delivery> answer,
                         int retriesLeft) {
        MqttAsyncClient current = client;
        if (current == null || !connected) {
            answer.complete(Delivery.retry("not connected"));
            return;
        }
        try {
            current.publish(topic, payload, 1, retained, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    answer.complete(Delivery.acked());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    answer.complete(Delivery.retry("publish failed: " + failure));
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT && retriesLeft > 0
                    && !retries.isShutdown()) {
                retries.schedule(() -> attempt(topic, payload, retained, answer, retriesLeft - 1),
                        INFLIGHT_RETRY_MILLIS, TimeUnit.MILLISECONDS);
                return;
            }
            answer.complete(Delivery.retry(describe(e)));
        } catch (RuntimeException e) {
            answer.complete(Delivery.retry("publish failed: " + e));
        }
    }

    private MqttConnectOptions options() throws IOException, GeneralSecurityException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setUserName(device.deviceId());
        if (device.secret() != null) {
            options.setPassword(device.secret().toCharArray());
        }
        options.setMaxInflight(settings.maxInflight());
        options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setWill(Topics.status(device.deviceId()),
                StatusCodec.encode(StatusReport.lastWill(device.deviceId(), device.firmware()), settings.encoding()),
                1, true);
        if (settings.serverUri().startsWith("ssl://")) {
            TlsSettings tls = settings.tls() == null ? new TlsSettings(null, null, null) : settings.tls();
            options.setSocketFactory(tls.sslContext().getSocketFactory());
        }
        return options;
    }

    private synchronized void discardClient() {
        MqttAsyncClient current = client;
        client = null;
        connected = false;
        if (current != null) {
            try {
                if (current.isConnected()) {
                    current.disconnectForcibly(0, 0, false);
                }
            } catch (MqttException e) {
                LOG.debug("{}: {}", device.deviceId(), describe(e));
            }
            closeQuietly(current);
        }
    }

    private void closeQuietly(MqttAsyncClient current) {
        try {
            current.close(true);
        } catch (MqttException e) {
            LOG.debug("{}: close: {}", device.deviceId(), describe(e));
        }
    }

    private static String describe(MqttException e) {
        return e.getMessage() + " (" + e.getReasonCode() + ")";
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.debug("{}: connected to {}", device.deviceId(), serverUri);
        }

        @Override
        public void connectionLost(Throwable cause) {
            connected = false;
            LOG.warn("{}: MQTT connection lost: {}", device.deviceId(), String.valueOf(cause));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (!topic.equals(Topics.config(device.deviceId())) || message.getPayload().length == 0) {
                return;
            }
            byte[] payload = message.getPayload();
            Verdict<DeviceConfig> config = StatusCodec.decodeConfig(payload, Encoding.sniff(payload));
            if (config.isAccepted()) {
                LOG.info("{}: configuration received: {}", device.deviceId(), config.value());
                configListener.accept(config.value());
            } else {
                LOG.warn("{}: ignoring an invalid configuration: {}", device.deviceId(), config.rejection());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Answers arrive through the action listener of each publish.
        }
    }
}
