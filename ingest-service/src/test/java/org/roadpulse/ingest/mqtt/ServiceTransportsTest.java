package org.roadpulse.ingest.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
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
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestIntervals;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.DeviceSecrets;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.Topics;

import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies that the broker, MQTT and CoAP intakes start with the service as beans, wired to its real device registry
 * and count intake (PostgreSQL): a provisioned device gets its intervals stored over each transport.
 */
@Tag("slow")
class ServiceTransportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestDatabase db;
    private static ApplicationContext context;
    private static DeviceRegistry devices;

    @BeforeAll
    static void startService() throws Exception {
        db = TestPostgres.freshDatabase();
        Map<String, Object> properties = new HashMap<>(db.serviceProperties(Files.createTempDirectory("roadpulse-transports")));
        properties.put("roadpulse.coap.port", 0);
        properties.put("roadpulse.coap.dtls-port", 0);
        context = ApplicationContext.run(properties);
        devices = context.getBean(DeviceRegistry.class);
    }

    @AfterAll
    static void stopService() {
        if (context != null) {
            context.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void mqttConsumersAreSubscribedOnceTheServiceHasStarted() {
        MqttIntake mqtt = context.getBean(MqttIntake.class);
        assertThat(mqtt.consumerCount()).isEqualTo(2);
        assertThat(mqtt.consumingCount()).isEqualTo(2);
    }

    @Test
    void healthReportsTheMqttConsumers() {
        var health = context.getBean(MqttIntakeHealth.class).result();
        assertThat(health.getName()).isEqualTo("mqtt");
        assertThat(health.getStatus().getName()).isEqualTo("UP");
    }

    @Test
    void intervalPublishedOverMqttIsStoredBeforeTheDeviceGetsItsPuback() throws Exception {
        // GIVEN a device provisioned in the registry
        String secret = devices.provision("svc-mqtt", "09162000", "MQTT test", null).secret();
        // WHEN it publishes an interval through the embedded broker and has its PUBACK
        MqttAsyncClient device = MqttTestClients.device(context.getBean(BrokerAddress.class).url(), "svc-mqtt", secret);
        try {
            MqttTestClients.publishQos1(device, Topics.counts("svc-mqtt"),
                    TestIntervals.json(TestIntervals.recent("svc-mqtt", 1, Instant.now())));
        } finally {
            MqttTestClients.closeQuietly(device);
        }
        // THEN the interval is already committed: the embedded broker acknowledges a device's counts after the commit
        assertThat(db.number("SELECT count(*) FROM count_message WHERE device_id = 'svc-mqtt'")).isEqualTo(1);
    }

    @Test
    void intervalPostedOverCoapIsStoredAndItsReplayIsADuplicate() throws Exception {
        String secret = devices.provision("svc-coap", "09162000", "CoAP test", null).secret();
        byte[] interval = TestIntervals.json(TestIntervals.recent("svc-coap", 1, Instant.now()));
        CoapClient client = CoapTestClients.plain("coap://127.0.0.1:" + context.getBean(CoapIntake.class).port()
                + "/v1/svc-coap/counts?token=" + secret);
        try {
            CoapResponse first = client.post(interval, MediaTypeRegistry.APPLICATION_JSON);
            CoapResponse replay = client.post(interval, MediaTypeRegistry.APPLICATION_JSON);
            assertThat(first.getCode()).as(first.getResponseText()).isEqualTo(ResponseCode.CHANGED);
            assertThat(body(first).path("status").asText()).isEqualTo("stored");
            assertThat(body(replay).path("status").asText()).isEqualTo("duplicate");
        } finally {
            CoapTestClients.close(client);
        }
    }

    @Test
    void intervalPostedOverDtlsWithTheDerivedKeyIsStored() throws Exception {
        String secret = devices.provision("svc-dtls", "09162000", "DTLS test", null).secret();
        CoapClient client = CoapTestClients.dtls("coaps://127.0.0.1:" + context.getBean(CoapIntake.class).dtlsPort()
                + "/v1/svc-dtls/counts", "svc-dtls", DeviceSecrets.preSharedKey(secret));
        try {
            CoapResponse response = client.post(TestIntervals.json(TestIntervals.recent("svc-dtls", 1, Instant.now())),
                    MediaTypeRegistry.APPLICATION_JSON);
            assertThat(response.getCode()).as(response.getResponseText()).isEqualTo(ResponseCode.CHANGED);
        } finally {
            CoapTestClients.close(client);
        }
    }

    @Test
    void configurationPublishedByThePlatformIsServedOverCoapToo() throws Exception {
        String secret = devices.provision("svc-config", "09162000", "Config test", null).secret();
        context.getBean(DeviceConfigPublisher.class).publish("svc-config", new DeviceConfig(600, 90))
                .get(10, TimeUnit.SECONDS);
        CoapClient client = CoapTestClients.plain("coap://127.0.0.1:" + context.getBean(CoapIntake.class).port()
                + "/v1/svc-config/config?token=" + secret);
        try {
            CoapResponse response = client.get();
            assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
            assertThat(StatusCodec.decodeConfig(response.getPayload(), Encoding.JSON).value())
                    .isEqualTo(new DeviceConfig(600, 90));
        } finally {
            CoapTestClients.close(client);
        }
    }

    private static JsonNode body(CoapResponse response) throws java.io.IOException {
        return JSON.readTree(response.getPayload());
    }
}
