package org.roadpulse.ingest.endtoend;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.roadpulse.ingest.broker.BrokerAddress;
import org.roadpulse.ingest.broker.EmbeddedBroker;
import org.roadpulse.ingest.coap.CoapIntake;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole ingest service as a newcomer runs it — embedded broker, MQTT, CoAP (plain and DTLS) and HTTP intake —
 * on a test database of the shared embedded PostgreSQL, with free ports and its own data folder.
 */
final class RunningService implements AutoCloseable {

    static final String MUNICIPALITY = "10045111"; // Bexbach

    final TestDatabase db;
    final EmbeddedServer server;
    final ApplicationContext context;
    final Path dataDir;

    private RunningService(TestDatabase db, EmbeddedServer server, Path dataDir) {
        this.db = db;
        this.server = server;
        this.context = server.getApplicationContext();
        this.dataDir = dataDir;
    }

    static RunningService start(Map<String, Object> extraProperties) {
        TestDatabase db = TestPostgres.freshDatabase();
        try {
            Path dataDir = Files.createTempDirectory("roadpulse-e2e");
            Map<String, Object> properties = new HashMap<>(db.serviceProperties(dataDir));
            properties.put("micronaut.server.port", -1);
            properties.put("roadpulse.coap.port", 0);
            properties.put("roadpulse.coap.dtls-port", 0);
            properties.putAll(extraProperties);
            return new RunningService(db, ApplicationContext.run(EmbeddedServer.class, properties), dataDir);
        } catch (IOException e) {
            db.close();
            throw new UncheckedIOException(e);
        }
    }

    /** Registers a device and returns its secret. */
    String provision(String deviceId) {
        return provision(deviceId, MUNICIPALITY);
    }

    /** Registers a device of the municipality (AGS) and returns its secret. */
    String provision(String deviceId, String municipality) {
        return context.getBean(DeviceRegistry.class).provision(deviceId, municipality, deviceId, null).secret();
    }

    String httpUri() {
        return server.getURL().toString();
    }

    String mqttUri() {
        return context.getBean(BrokerAddress.class).url();
    }

    /** {@code ssl://127.0.0.1:<port>} of the embedded broker's TLS listener (the service must be started with one). */
    String mqttTlsUri() {
        return "ssl://127.0.0.1:" + context.getBean(EmbeddedBroker.class).tlsPort();
    }

    int mqttTlsPort() {
        return context.getBean(EmbeddedBroker.class).tlsPort();
    }

    String coapUri() {
        return "coap://127.0.0.1:" + context.getBean(CoapIntake.class).port();
    }

    String coapsUri() {
        return "coaps://127.0.0.1:" + context.getBean(CoapIntake.class).dtlsPort();
    }

    long storedMessages(String deviceId) {
        return db.number("SELECT count(*) FROM count_message WHERE device_id = ?", deviceId);
    }

    /**
     * Waits until at least this many of the device's intervals are committed. Over MQTT the device's PUBACK comes
     * from the broker, which keeps the message until the service has committed it: storage follows shortly after.
     */
    void awaitStored(String deviceId, long atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (storedMessages(deviceId) < atLeast) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("after " + timeout.toSeconds() + " s only " + storedMessages(deviceId)
                        + " of " + atLeast + " intervals of " + deviceId + " are stored");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
        db.close();
    }
}
