package org.roadpulse.ingest.coap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.ingest.testdoubles.ExternalClient;
import org.roadpulse.ingest.testdoubles.ExternalClient.Outcome;
import org.roadpulse.ingest.testdoubles.InMemoryDeviceRegistry;
import org.roadpulse.ingest.testdoubles.RecordingCountIntake;
import org.roadpulse.ingest.testdoubles.TestPayloads;
import org.roadpulse.protocol.Encoding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Verifies that libcoap's command-line client (Debian's coap-client-notls) is served like any device. */
class CoapClientNotlsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CLIENT = "coap-client-notls";

    private static final InMemoryDeviceRegistry devices = new InMemoryDeviceRegistry();
    private static final RecordingCountIntake intake = new RecordingCountIntake();
    private static CoapIntake coap;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        assumeTrue(ExternalClient.installed(CLIENT), CLIENT + " not installed (Debian package libcoap3-bin): skipped");
        coap = new CoapIntake(0, CoapIntake.OFF, intake, devices, id -> Optional.empty(), Clock.systemUTC());
        coap.start();
    }

    @AfterAll
    static void stop() {
        if (coap != null) {
            coap.close();
        }
    }

    @Test
    void jsonIntervalPostedWithTheDevicesTokenIsStored() throws Exception {
        String secret = devices.register("libcoap-ok");
        Outcome outcome = postFile("libcoap-ok", secret, TestPayloads.countsJson("libcoap-ok", 11));
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("\"status\":\"stored\"").contains("\"seq\":11");
        assertThat(intake.next("libcoap-ok", WAIT).counts().encoding()).isEqualTo(Encoding.JSON);
    }

    @Test
    void wrongTokenIsUnauthorized() throws Exception {
        devices.register("libcoap-wrong");
        Outcome outcome = postFile("libcoap-wrong", "guessed", TestPayloads.countsJson("libcoap-wrong", 1));
        assertThat(outcome.output()).contains("4.01").contains("auth.invalid");
        assertThat(intake.poll("libcoap-wrong", Duration.ofMillis(200))).isNull();
    }

    private Outcome postFile(String deviceId, String token, byte[] payload) throws Exception {
        Path file = folder.resolve(deviceId + ".json");
        Files.write(file, payload);
        return ExternalClient.run(WAIT, List.of(CLIENT, "-m", "post", "-t", "50", "-B", "8", "-f", file.toString(),
                "coap://127.0.0.1:" + coap.port() + "/v1/" + deviceId + "/counts?token=" + token));
    }
}
