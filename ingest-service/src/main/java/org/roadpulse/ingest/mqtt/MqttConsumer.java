package org.roadpulse.ingest.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.roadpulse.protocol.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One member of the service's shared subscription group: a Paho MQTT 5 client with a persistent session (clean start
 * false, long session expiry), so the broker keeps queueing while the service is down, and with manual
 * acknowledgements, so a PUBACK goes out only once the intake has committed the message.
 *
 * <p>When the intake cannot take a message, the consumer drops its connection and reconnects after a back-off: the
 * broker then delivers every unacknowledged message again. All connection changes and acknowledgements run on one
 * thread per consumer; an acknowledgement from an earlier connection is never sent on a later one, where its packet
 * id may name a different message.
 *
 * <p>A consumer that has been silent for {@code idleReconnect}, with every message settled, reconnects. Brokers can
 * stop feeding a connected shared subscriber while messages wait for it (HiveMQ CE issue #558, QoS 1 shared
 * subscriptions); a new connection makes them flow again, and costs an idle consumer nothing it would miss.
 */
final class MqttConsumer implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConsumer.class);
    /** How long the broker keeps the session and its queue while this consumer is away. */
    static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(7).toSeconds();
    /**
     * Unacknowledged messages the broker may have in flight to this consumer (MQTT 5 receive maximum): enough to fill
     * the writer's batches, bounded so that a slow database holds messages in the broker, not in this process.
     */
    static final int RECEIVE_MAXIMUM = 1000;
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final long QUIESCE_MILLIS = 100;

    private enum State { STOPPED, CONNECTING, CONNECTED, WAITING }

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final InboundRouter router;
    /** Between failed connection attempts; reset once subscribed. */
    private final Backoff reconnectBackoff;
    /** Between redeliveries the intake could not take; reset once a message is acknowledged. */
    private final Backoff redeliveryBackoff;
    private final ScheduledExecutorService thread;
    private final Duration idleReconnect;
    /** Messages handed to the router and not yet settled (acknowledged or given back). */
    private final AtomicInteger unsettled = new AtomicInteger();
    private final AtomicLong idleReconnects = new AtomicLong();
    private volatile long lastHeardNanos = System.nanoTime();

    /* Only touched on {@link #thread}. */
    private State state = State.STOPPED;
    private boolean reconnectScheduled;
    private volatile long connection;
    private volatile boolean subscribed;
    /** The current connection replaces one dropped for silence: routine, so not worth an info line. */
    private boolean afterIdleReconnect;

    MqttConsumer(String brokerUrl, String clientId, String username, String password, InboundRouter router,
                 Duration firstRetry, Duration maxRetry, Duration idleReconnect) {
        try {
            this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create an MQTT client for " + brokerUrl, e);
        }
        this.client.setManualAcks(true);
        this.client.setCallback(this);
        this.options = connectionOptions(username, password);
        this.router = router;
        this.reconnectBackoff = new Backoff(firstRetry, maxRetry);
        this.redeliveryBackoff = new Backoff(firstRetry, maxRetry);
        this.idleReconnect = idleReconnect;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "mqtt-consumer-" + clientId);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.execute(() -> {
            if (state == State.STOPPED) {
                state = State.WAITING;
                connect();
            }
        });
        long check = Math.max(1, idleReconnect.toMillis() / 4);
        thread.scheduleWithFixedDelay(this::reconnectIfSilent, check, check, TimeUnit.MILLISECONDS);
    }

    /** Connected and subscribed: messages can arrive. */
    boolean isConsuming() {
        return subscribed && client.isConnected();
    }

    /** Reconnections because the consumer was silent (see the class comment). */
    long idleReconnects() {
        return idleReconnects.get();
    }

    String clientId() {
        return client.getClientId();
    }

    void stop(Duration timeout) {
        if (thread.isShutdown()) {
            return;
        }
        execute(() -> {
            state = State.STOPPED;
            subscribed = false;
            connection++;
            try {
                if (client.isConnected()) {
                    client.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis());
                }
            } catch (MqttException e) {
                LOG.debug("Disconnect of {} failed while stopping", clientId(), e);
            }
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("Close of {} failed", clientId(), e);
            }
        });
        thread.shutdown();
        try {
            if (!thread.awaitTermination(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        long arrivedOn = connection;
        lastHeardNanos = System.nanoTime();
        unsettled.incrementAndGet();
        int id = message.getId();
        int qos = message.getQos();
        CompletableFuture<Settlement> settled;
        try {
            settled = router.route(topic, message);
        } catch (RuntimeException e) {
            LOG.error("MQTT consumer {} failed on a message of {}", clientId(), topic, e);
            settled = CompletableFuture.completedFuture(Settlement.REDELIVER);
        }
        settled.whenComplete((settlement, failure) -> {
            unsettled.decrementAndGet();
            if (failure == null && settlement == Settlement.ACKNOWLEDGE) {
                execute(() -> acknowledge(id, qos, arrivedOn));
            } else {
                execute(() -> redeliver(arrivedOn));
            }
        });
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        execute(() -> {
            if (state == State.CONNECTED || state == State.CONNECTING) {
                LOG.warn("MQTT consumer {} lost its connection: {}", clientId(), response);
                afterIdleReconnect = false;
                connectionEnded();
                scheduleConnect(reconnectBackoff.next());
            }
        });
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("MQTT consumer {}: {}", clientId(), exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // A consumer does not publish.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // Handled by the connect listener, which also knows about failures.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication.
    }

    private void connect() {
        reconnectScheduled = false;
        if (state != State.WAITING) {
            return;
        }
        state = State.CONNECTING;
        try {
            client.connect(options, null, listener(this::connected, this::connectFailed));
        } catch (MqttException e) {
            connectFailed(e);
        }
    }

    private void connected() {
        if (state != State.CONNECTING) {
            return;
        }
        state = State.CONNECTED;
        subscribe();
    }

    private void subscribe() {
        MqttSubscription[] subscriptions = {
                new MqttSubscription(Topics.SHARED_COUNTS_SUBSCRIPTION, 1),
                new MqttSubscription(Topics.SHARED_STATUS_SUBSCRIPTION, 1)};
        try {
            client.subscribe(subscriptions, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    execute(() -> subscribed(token));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    execute(() -> subscribeFailed(failure));
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            subscribeFailed(e);
        }
    }

    private void subscribed(IMqttToken token) {
        for (int code : token.getReasonCodes()) {
            if (code >= 0x80) {
                subscribeFailed(new IllegalStateException("SUBACK reason code 0x" + Integer.toHexString(code)));
                return;
            }
        }
        if (state == State.CONNECTED) {
            subscribed = true;
            lastHeardNanos = System.nanoTime();
            reconnectBackoff.reset();
            if (afterIdleReconnect) {
                LOG.debug("MQTT consumer {} consuming again from {}", clientId(), client.getServerURI());
            } else {
                LOG.info("MQTT consumer {} consuming from {}", clientId(), client.getServerURI());
            }
            afterIdleReconnect = false;
        }
    }

    private void subscribeFailed(Throwable failure) {
        LOG.error("MQTT consumer {} could not subscribe: {}", clientId(), failure.toString());
        dropConnectionAndRetry(reconnectBackoff.next());
    }

    private void connectFailed(Throwable failure) {
        if (state != State.CONNECTING) {
            return;
        }
        Duration delay = reconnectBackoff.next();
        LOG.warn("MQTT consumer {} cannot connect to {} ({}); retrying in {} ms", clientId(), client.getServerURI(),
                failure.toString(), delay.toMillis());
        state = State.WAITING;
        afterIdleReconnect = false;
        scheduleConnect(delay);
    }

    private void acknowledge(int id, int qos, long arrivedOn) {
        if (qos == 0) {
            return;
        }
        if (arrivedOn != connection || !client.isConnected()) {
            return; // that connection is gone: the broker delivers the message again
        }
        try {
            client.messageArrivedComplete(id, qos);
            redeliveryBackoff.reset();
        } catch (MqttException e) {
            LOG.debug("PUBACK {} of {} not sent: {}", id, clientId(), e.toString());
        }
    }

    private void reconnectIfSilent() {
        boolean silent = System.nanoTime() - lastHeardNanos > idleReconnect.toNanos();
        if (state == State.CONNECTED && subscribed && silent && unsettled.get() == 0) {
            idleReconnects.incrementAndGet();
            LOG.debug("MQTT consumer {} heard nothing for {} s; reconnecting", clientId(), idleReconnect.toSeconds());
            afterIdleReconnect = true;
            dropConnectionAndRetry(Duration.ZERO);
        }
    }

    /** Drops the connection that brought the message, so that the broker sends the unacknowledged ones again. */
    private void redeliver(long arrivedOn) {
        if (arrivedOn != connection || state != State.CONNECTED) {
            return; // already reconnecting
        }
        Duration delay = redeliveryBackoff.next();
        LOG.info("MQTT consumer {} reconnects in {} ms so that the broker delivers unacknowledged messages again",
                clientId(), delay.toMillis());
        dropConnectionAndRetry(delay);
    }

    private void dropConnectionAndRetry(Duration delay) {
        if (state == State.STOPPED) {
            return;
        }
        connectionEnded();
        try {
            client.disconnect(QUIESCE_MILLIS, null, listener(() -> scheduleConnect(delay), failure -> {
                forceDisconnect();
                scheduleConnect(delay);
            }), 0, null);
        } catch (MqttException e) {
            forceDisconnect();
            scheduleConnect(delay);
        }
    }

    private void connectionEnded() {
        state = State.WAITING;
        subscribed = false;
        connection++;
    }

    private void forceDisconnect() {
        try {
            client.disconnectForcibly(0, QUIESCE_MILLIS, false);
        } catch (MqttException e) {
            LOG.debug("Forced disconnect of {} failed: {}", clientId(), e.toString());
        }
    }

    private void scheduleConnect(Duration delay) {
        if (reconnectScheduled || state != State.WAITING) {
            return;
        }
        reconnectScheduled = true;
        try {
            thread.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            reconnectScheduled = false; // stopping
        }
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("MQTT consumer {} stopped; dropping a task", clientId());
        }
    }

    private MqttActionListener listener(Runnable onSuccess, java.util.function.Consumer<Throwable> onFailure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                execute(onSuccess);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                execute(() -> onFailure.accept(failure));
            }
        };
    }

    private static MqttConnectionOptions connectionOptions(String username, String password) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setReceiveMaximum(RECEIVE_MAXIMUM);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setAutomaticReconnect(false); // reconnection is ours: it also serves redelivery
        return options;
    }
}
