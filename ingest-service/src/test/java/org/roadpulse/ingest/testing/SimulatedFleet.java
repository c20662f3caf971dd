package org.roadpulse.ingest.testing;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Topics;
import org.roadpulse.protocol.testing.Intervals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Count devices simulated with real Paho MQTT 3.1.1 clients (QoS 1, persistent session), each sending its 5-minute
 * intervals in seq order the way the edge agent does: at most {@code window} unacknowledged at a time, the rest held
 * back as in the agent's outbox. So when the service acknowledges more slowly, the devices send more slowly; when it
 * refuses (MQTT 3.1.1: it closes the connection), Paho reconnects and sends the unacknowledged ones again.
 *
 * <p>Messages are made up when they are due, so a fleet of 1,000 devices over hours costs no memory up front.
 */
public final class SimulatedFleet implements AutoCloseable {

    public static final Instant FIRST_INTERVAL = Instant.parse("2026-03-02T00:00:00Z");
    private static final CountIntervalCodec CODEC = new CountIntervalCodec();

    private final List<Device> devices = new ArrayList<>();
    private final int window;
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fleet-tick");
        thread.setDaemon(true);
        return thread;
    });
    private final LongAdder sent = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder connectionsLost = new LongAdder();
    private final Latencies latencies = new Latencies();

    /** @param secrets each device's id and secret, in the order they should connect */
    public SimulatedFleet(String brokerUrl, Map<String, String> secrets, int window) throws MqttException {
        this.window = window;
        for (Map.Entry<String, String> device : secrets.entrySet()) {
            devices.add(new Device(brokerUrl, device.getKey(), device.getValue()));
        }
    }

    /** Connects every device, eight at a time: the broker checks each one's secret (Argon2id, about 0.1 s). */
    public void connect() throws MqttException, InterruptedException {
        java.util.concurrent.ExecutorService connecting = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Device device : devices) {
                done.add(connecting.submit(() -> {
                    device.connect();
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> connected : done) {
                connected.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof MqttException mqtt) {
                throw mqtt;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            connecting.shutdownNow();
        }
    }

    /** Makes {@code perDevice} more intervals due on every device at once; they go out as fast as the window lets. */
    public void release(long perDevice) {
        for (Device device : devices) {
            device.released.addAndGet(perDevice);
            device.pump();
        }
    }

    /** Makes one interval due on each device every {@code period}, the devices spread over the period. */
    public void tick(Duration period) {
        long periodMicros = period.toNanos() / 1000;
        for (Device device : devices) {
            ticks.scheduleAtFixedRate(() -> {
                device.released.incrementAndGet();
                device.pump();
            }, ThreadLocalRandom.current().nextLong(periodMicros), periodMicros, TimeUnit.MICROSECONDS);
        }
    }

    /** Stops making intervals due (what is due still goes out). */
    public void stopTicking() {
        ticks.shutdownNow();
    }

    public int size() {
        return devices.size();
    }

    /** Messages published for the first time (resends after a reconnect not counted). */
    public long sent() {
        return sent.sum();
    }

    public long acknowledged() {
        return acknowledged.sum();
    }

    /** Due but not yet sent: what the devices' outboxes hold because their window is full. */
    public long heldAtDevices() {
        return devices.stream().mapToLong(d -> Math.max(0, d.released.get() - d.nextSeq.get() + 1)).sum();
    }

    /** Sent and not yet acknowledged. */
    public long inFlight() {
        return sent() - acknowledged();
    }

    /** Connections the broker closed (MQTT 3.1.1's answer when the service cannot take a message now). */
    public long connectionsLost() {
        return connectionsLost.sum();
    }

    /** Publish → PUBACK times since the last call, in milliseconds. */
    public double[] drainLatenciesMs() {
        return latencies.drain();
    }

    /** Waits until this many messages are acknowledged; false when the time ran out first. */
    public boolean awaitAcknowledged(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged() < count) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** The payload of a device's interval {@code seq}: consecutive 5-minute intervals from {@link #FIRST_INTERVAL}. */
    public static byte[] payload(String device, long seq) {
        return CODEC.encode(Intervals.sample(device, seq, FIRST_INTERVAL.plusSeconds(300 * (seq - 1))), Encoding.CBOR);
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        devices.parallelStream().forEach(Device::close);
    }

    /** One device: its client, the intervals made due so far, and the next seq to send. */
    private final class Device implements MqttCallbackExtended {
        private final MqttAsyncClient client;
        private final String id;
        private final String secret;
        private final String topic;
        private final AtomicLong released = new AtomicLong();
        private final AtomicLong nextSeq = new AtomicLong(1);
        private final AtomicLong unacknowledged = new AtomicLong();

        Device(String brokerUrl, String id, String secret) throws MqttException {
            this.client = new MqttAsyncClient(brokerUrl, id, new MemoryPersistence());
            this.id = id;
            this.secret = secret;
            this.topic = Topics.counts(id);
            client.setCallback(this);
        }

        void connect() throws MqttException {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(id);
            options.setPassword(secret.toCharArray());
            options.setCleanSession(false); // the broker keeps the session; Paho resends unacknowledged messages
            options.setAutomaticReconnect(true);
            options.setMaxReconnectDelay(2_000);
            options.setMaxInflight(window + 1);
            options.setKeepAliveInterval(60);
            options.setConnectionTimeout(30);
            client.connect(options).waitForCompletion(30_000);
        }

        /** Sends due intervals while the window has room. */
        synchronized void pump() {
            while (nextSeq.get() <= released.get() && unacknowledged.get() < window && client.isConnected()) {
                long seq = nextSeq.get();
                MqttMessage message = new MqttMessage(payload(id, seq));
                message.setQos(1);
                try {
                    client.publish(topic, message, System.nanoTime(), null);
                } catch (MqttException e) {
                    return; // not connected or Paho's own window full: stays due, sent on the next pump
                }
                nextSeq.incrementAndGet();
                unacknowledged.incrementAndGet();
                sent.increment();
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            if (token.getUserContext() instanceof Long sentAt) {
                latencies.add((System.nanoTime() - sentAt) / 1e6);
            }
            unacknowledged.decrementAndGet();
            acknowledged.increment();
            pump();
        }

        @Override
        public void connectionLost(Throwable cause) {
            connectionsLost.increment();
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                pump();
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // devices here subscribe to nothing
        }

        void close() {
            try {
                client.disconnectForcibly(0, 1_000, false);
            } catch (MqttException ignored) {
                // closing anyway
            }
            try {
                client.close(true);
            } catch (MqttException ignored) {
                // the fleet is done
            }
        }
    }

    /** A growing list of latencies that a sampler drains. */
    private static final class Latencies {
        private double[] values = new double[1024];
        private int size;

        synchronized void add(double value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized double[] drain() {
            double[] out = java.util.Arrays.copyOf(values, size);
            size = 0;
            return out;
        }
    }
}
