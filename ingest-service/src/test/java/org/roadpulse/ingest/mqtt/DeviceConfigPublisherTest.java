package org.roadpulse.ingest.mqtt;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.broker.EmbeddedBroker;
import org.roadpulse.ingest.testdoubles.InMemoryDeviceRegistry;
import org.roadpulse.ingest.testdoubles.MqttTestClients;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.Topics;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies that a device gets the configuration the platform set for it, retained, over MQTT. */
@Tag("slow")
class DeviceConfigPublisherTest {

    @TempDir
    static Path folder;
    private static final InMemoryDeviceRegistry devices = new InMemoryDeviceRegistry();
    private static EmbeddedBroker broker;
    private static DeviceConfigPublisher publisher;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start(folder, 0, 100_000, devices, MqttIntakeTest.SERVICE);
        publisher = new DeviceConfigPublisher(broker.address().url(), MqttIntakeTest.SERVICE);
    }

    @AfterAll
    static void stop() {
        publisher.close();
        broker.close();
    }

    @Test
    void deviceSubscribingAfterThePublicationGetsTheRetainedConfiguration() throws Exception {
        String secret = devices.register("cfg-late");
        // GIVEN a configuration published while the device was away
        publisher.publish("cfg-late", new DeviceConfig(900, 120)).get(10, TimeUnit.SECONDS);
        // WHEN the device subscribes to its configuration topic
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        MqttAsyncClient device = MqttTestClients.device(broker.address().url(), "cfg-late", secret);
        try {
            MqttTestClients.subscribe(device, Topics.config("cfg-late"), (topic, message) -> received.add(message));
            // THEN it receives the configuration, retained, as JSON
            MqttMessage message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(message.isRetained()).isTrue();
            assertThat(StatusCodec.decodeConfig(message.getPayload(), Encoding.JSON).value())
                    .isEqualTo(new DeviceConfig(900, 120));
        } finally {
            MqttTestClients.closeQuietly(device);
        }
    }

    @Test
    void listenersHearOfEveryPublishedConfiguration() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        publisher.onPublish((deviceId, config) -> heard.add(deviceId + "=" + config.intervalSeconds()));
        publisher.publish("cfg-listened", new DeviceConfig(60, 30)).get(10, TimeUnit.SECONDS);
        assertThat(heard).contains("cfg-listened=60");
        assertThat(publisher.current("cfg-listened")).contains(new DeviceConfig(60, 30));
    }

    @Test
    void configurationOutsideTheContractIsRefusedBeforeSending() {
        assertThatThrownBy(() -> publisher.publish("cfg-bad", new DeviceConfig(42, 60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> publisher.publish("Not A Device", new DeviceConfig(300, 60)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
