package org.roadpulse.ingest.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.broker.BrokerAddress;
import org.roadpulse.ingest.coap.CoapIntake;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.testdoubles.CoapTestClients;
import org.roadpulse.ingest.testdoubles.MqttTestClients;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.Topics;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the intake survives a flood of malformed payloads (issue #8, fuzzing): more than 100,000 payloads
 * over MQTT, CoAP and HTTP at once, a fifth of them valid and the rest random bytes, truncations, wrong types,
 * negative and huge numbers, times far in the past or future, another device's name, control characters, oversized.
 * The service stays up with flat memory, stores every valid interval once, and refuses every malformed one with its
 * reason: in the answer over CoAP and HTTP, in the dead letters over MQTT (whose PUBACK carries no reason).
 */
@Tag("slow")
@Tag("reliability")
class FuzzedIntakeTest {

    private static final int PER_TRANSPORT = 34_000;
    private static final double VALID_SHARE = 0.2;
    private static final long SEED = 20261206L;
    private static final long MAX_HEAP_GROWTH_BYTES = 48L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestDatabase db;
    private static EmbeddedServer server;
    private static DeviceRegistry devices;

    @BeforeAll
    static void startService() throws Exception {
        db = TestPostgres.freshDatabase();
        Map<String, Object> properties = new HashMap<>(db.serviceProperties(Files.createTempDirectory("roadpulse-fuzz")));
        properties.put("micronaut.server.port", -1);
        properties.put("roadpulse.coap.port", 0);
        properties.put("roadpulse.coap.dtls-port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        devices = server.getApplicationContext().getBean(DeviceRegistry.class);
    }

    @AfterAll
    static void stopService() {
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aFloodOfMalformedPayloadsOverEveryTransportLosesNoValidOneAndGivesEveryOtherItsReason() throws Exception {
        // GIVEN one device per transport
        String mqttSecret = provision("fuzz-mqtt");
        String coapSecret = provision("fuzz-coap");
        String httpSecret = provision("fuzz-http");
        Instant now = Instant.now();
        long heapBefore = usedHeapAfterGc();
        AtomicInteger sent = new AtomicInteger();

        // WHEN each gets 34,000 fuzzed payloads, the three transports at once
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            Future<Tally> mqtt = senders.submit(() -> overMqtt("fuzz-mqtt", mqttSecret, now, sent));
            Future<Tally> coap = senders.submit(() -> overCoap("fuzz-coap", coapSecret, now, sent));
            Future<Tally> http = senders.submit(() -> overHttp("fuzz-http", httpSecret, now, sent));

            // THEN over CoAP and HTTP every answer was the expected one (checked while sending)
            Tally coapTally = coap.get();
            Tally httpTally = http.get();
            Tally mqttTally = mqtt.get();
            System.out.printf("fuzz: %,d payloads sent (MQTT %s, CoAP %s, HTTP %s)%n", sent.get(), mqttTally,
                    coapTally, httpTally);
            assertThat(sent.get()).isGreaterThanOrEqualTo(100_000);

            // AND every valid interval is stored once, per device
            for (Tally tally : List.of(mqttTally, coapTally, httpTally)) {
                awaitDeadLetters(tally, Duration.ofSeconds(60));
                assertThat(db.number("SELECT count(*) FROM count_message WHERE device_id = ?", tally.device))
                        .as("stored intervals of %s", tally.device).isEqualTo(tally.valid);
                assertThat(db.number("SELECT count(*) FROM count_message WHERE device_id = ? AND seq > ?",
                        tally.device, tally.valid)).as("seqs beyond the valid ones of %s", tally.device).isZero();
            }
            // AND every malformed one is a dead letter with the reason its kind demands
            for (Tally tally : List.of(mqttTally, coapTally, httpTally)) {
                assertThat(deadLetters(tally.device)).as("dead letters of %s", tally.device)
                        .isEqualTo(tally.malformed());
                tally.expectedReasons.forEach((kind, count) -> assertThat(
                        db.number("SELECT count(*) FROM dead_letter WHERE claimed_device = ? AND reason = ?",
                                tally.device, kind.reason))
                        .as("dead letters of %s with reason %s", tally.device, kind.reason).isGreaterThanOrEqualTo(count));
                assertThat(db.number("SELECT count(*) FROM dead_letter WHERE claimed_device = ? AND reason = ''",
                        tally.device)).isZero();
            }
        } finally {
            senders.shutdownNow();
        }

        // AND the service is still up, and its heap did not grow with the flood
        assertThat(new HttpCalls(server.getURL()).get("/health").statusCode()).isEqualTo(200);
        long growth = usedHeapAfterGc() - heapBefore;
        System.out.printf("fuzz: heap after GC grew by %,d KiB%n", growth / 1024);
        assertThat(growth).as("heap growth; the largest classes now:%n%s", largestClasses())
                .isLessThan(MAX_HEAP_GROWTH_BYTES);
    }

    private static Tally overMqtt(String device, String secret, Instant now, AtomicInteger sent) throws Exception {
        Tally tally = new Tally(device);
        MqttAsyncClient client = MqttTestClients.device(server.getApplicationContext().getBean(BrokerAddress.class)
                .url(), device, secret);
        try {
            FuzzedPayloads payloads = new FuzzedPayloads(SEED, device, now, VALID_SHARE, true);
            for (int i = 0; i < PER_TRANSPORT; i++) {
                FuzzedPayloads.Payload payload = payloads.next();
                MqttTestClients.publishQos1(client, Topics.counts(device), payload.bytes());
                tally.count(payload);
                progress(sent);
            }
        } finally {
            MqttTestClients.closeQuietly(client);
        }
        return tally;
    }

    private static Tally overCoap(String device, String secret, Instant now, AtomicInteger sent) throws Exception {
        Tally tally = new Tally(device);
        int port = server.getApplicationContext().getBean(CoapIntake.class).port();
        CoapClient client = CoapTestClients.plain("coap://127.0.0.1:" + port + "/v1/" + device + "/counts?token="
                + secret);
        try {
            // Over CoAP a body above the contract's limit is refused by the endpoint before the intake: not fuzzed.
            FuzzedPayloads payloads = new FuzzedPayloads(SEED + 1, device, now, VALID_SHARE, false);
            for (int i = 0; i < PER_TRANSPORT; i++) {
                FuzzedPayloads.Payload payload = payloads.next();
                CoapResponse response = client.post(payload.bytes(), payload.encoding().coapContentFormat());
                assertThat(response).as("CoAP answer to %s", payload.kind()).isNotNull();
                String reason = reason(response.getPayload());
                if (payload.valid()) {
                    assertThat(response.isSuccess()).as("CoAP answer to a valid interval: %s", reason).isTrue();
                } else {
                    assertThat(response.getCode().codeClass).as("CoAP class for %s", payload.kind()).isEqualTo(4);
                    expectReason(payload, reason);
                }
                tally.count(payload);
                progress(sent);
            }
        } finally {
            CoapTestClients.close(client);
        }
        return tally;
    }

    private static Tally overHttp(String device, String secret, Instant now, AtomicInteger sent) {
        Tally tally = new Tally(device);
        HttpCalls http = new HttpCalls(server.getURL());
        FuzzedPayloads payloads = new FuzzedPayloads(SEED + 2, device, now, VALID_SHARE, true);
        for (int i = 0; i < PER_TRANSPORT; i++) {
            FuzzedPayloads.Payload payload = payloads.next();
            HttpResponse<String> response = http.post("/api/v1/devices/" + device + "/counts",
                    payload.encoding().mediaType(), secret, payload.bytes());
            String reason = reason(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (payload.valid()) {
                assertThat(response.statusCode()).as("HTTP answer to a valid interval: %s", response.body())
                        .isEqualTo(200);
            } else {
                assertThat(response.statusCode()).as("HTTP status for %s", payload.kind()).isBetween(400, 499);
                expectReason(payload, reason);
            }
            tally.count(payload);
            progress(sent);
        }
        return tally;
    }

    private static void expectReason(FuzzedPayloads.Payload payload, String reason) {
        if (payload.kind().reason != null) {
            assertThat(reason).as("reason for %s", payload.kind()).isEqualTo(payload.kind().reason);
        } else {
            assertThat(reason).as("reason for %s", payload.kind()).isNotBlank();
        }
    }

    private static String reason(byte[] body) {
        try {
            JsonNode reply = JSON.readTree(body);
            return reply == null ? null : reply.path("reason").asText(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void progress(AtomicInteger sent) {
        int n = sent.incrementAndGet();
        if (n % 10_000 == 0) {
            System.out.printf("fuzz: %,d of %,d payloads sent%n", n, 3 * PER_TRANSPORT);
        }
    }

    private static void awaitDeadLetters(Tally tally, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (deadLetters(tally.device) < tally.malformed() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static long deadLetters(String device) {
        return db.number("SELECT count(*) FROM dead_letter WHERE claimed_device = ?", device);
    }

    private static String provision(String device) {
        return devices.provision(device, "10045111", device, null).secret();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The head of the JVM's class histogram (jcmd GC.class_histogram), to say what a grown heap holds. */
    private static String largestClasses() {
        try {
            Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[]{new String[0]}, new String[]{String[].class.getName()});
            return String.join("\n", String.valueOf(histogram).lines().limit(25).toList());
        } catch (Exception e) {
            return "(no histogram: " + e + ")";
        }
    }

    /** What one transport sent: valid intervals, and malformed ones per kind. */
    private static final class Tally {

        final String device;
        final Map<FuzzedPayloads.Kind, Integer> expectedReasons = new EnumMap<>(FuzzedPayloads.Kind.class);
        long valid;
        long malformed;

        Tally(String device) {
            this.device = device;
        }

        void count(FuzzedPayloads.Payload payload) {
            if (payload.valid()) {
                valid++;
                return;
            }
            malformed++;
            if (payload.kind().reason != null) {
                expectedReasons.merge(payload.kind(), 1, Integer::sum);
            }
        }

        long malformed() {
            return malformed;
        }

        @Override
        public String toString() {
            return valid + " valid, " + malformed + " malformed";
        }
    }
}
