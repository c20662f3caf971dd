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
import org.roadpulse.protocol.DeviceSecrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Verifies certificate-less DTLS with a pre-shared key against libcoap's OpenSSL client (Debian's coap-client-openssl,
 * {@code -u <device id> -k <key>}): the key derived from the secret opens a session, a wrong key does not, and a
 * revoked device's next attempt is refused.
 *
 * <p>libcoap 4.3.1 takes the key as a command-line string, so it cannot carry a zero byte: the tests use secrets
 * whose derived key has none, and pass the key's raw bytes through bash's {@code $'\xNN'} quoting.
 */
class CoapClientOpensslDtlsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CLIENT = "coap-client-openssl";

    private static final InMemoryDeviceRegistry devices = new InMemoryDeviceRegistry();
    private static final RecordingCountIntake intake = new RecordingCountIntake();
    private static CoapIntake coap;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        assumeTrue(ExternalClient.installed(CLIENT), CLIENT + " not installed (Debian package libcoap3-bin): skipped");
        coap = new CoapIntake(CoapIntake.OFF, 0, intake, devices, id -> Optional.empty(), Clock.systemUTC());
        coap.start();
    }

    @AfterAll
    static void stop() {
        if (coap != null) {
            coap.close();
        }
    }

    @Test
    void theDerivedPreSharedKeyOpensADtlsSessionWithoutCertificates() throws Exception {
        String secret = secretWithoutZeroInItsKey();
        devices.provision("openssl-ok", "09162000", "openssl-ok", secret);

        Outcome outcome = post("openssl-ok", DeviceSecrets.preSharedKey(secret), 11);

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("\"status\":\"stored\"").contains("\"seq\":11");
        assertThat(intake.next("openssl-ok", WAIT)).isNotNull();
    }

    @Test
    void aWrongKeyGetsNoSession() throws Exception {
        devices.provision("openssl-wrong", "09162000", "openssl-wrong", secretWithoutZeroInItsKey());

        Outcome outcome = post("openssl-wrong", DeviceSecrets.preSharedKey(secretWithoutZeroInItsKey()), 1);

        assertThat(outcome.output()).doesNotContain("stored");
        assertThat(intake.poll("openssl-wrong", Duration.ofMillis(200))).isNull();
    }

    @Test
    void aRevokedDeviceIsRefusedWithItsRightKey() throws Exception {
        // GIVEN a device whose key worked
        String secret = secretWithoutZeroInItsKey();
        devices.provision("openssl-revoked", "09162000", "openssl-revoked", secret);
        assertThat(post("openssl-revoked", DeviceSecrets.preSharedKey(secret), 1).output()).contains("stored");
        intake.next("openssl-revoked", WAIT);
        // WHEN it is revoked and its sessions ended, as CredentialLifecycle does
        devices.setEnabled("openssl-revoked", false);
        coap.endSessions("openssl-revoked");
        // THEN its next attempt with the same key stores nothing
        Outcome outcome = post("openssl-revoked", DeviceSecrets.preSharedKey(secret), 2);
        assertThat(outcome.output()).doesNotContain("stored");
        assertThat(intake.poll("openssl-revoked", Duration.ofMillis(200))).isNull();
    }

    private Outcome post(String deviceId, byte[] key, long seq) throws Exception {
        Path file = folder.resolve(deviceId + "-" + seq + ".json");
        Files.write(file, TestPayloads.countsJson(deviceId, seq));
        String command = String.join(" ", CLIENT, "-m", "post", "-t", "50", "-B", "8", "-u", deviceId,
                "-k", bashBytes(key), "-f", file.toString(),
                "coaps://127.0.0.1:" + coap.dtlsPort() + "/v1/" + deviceId + "/counts");
        return ExternalClient.run(WAIT, List.of("bash", "-c", command));
    }

    private static String bashBytes(byte[] bytes) {
        StringBuilder quoted = new StringBuilder("$'");
        for (byte b : bytes) {
            quoted.append(String.format("\\x%02x", b & 0xff));
        }
        return quoted.append('\'').toString();
    }

    private static String secretWithoutZeroInItsKey() {
        while (true) {
            String secret = DeviceSecrets.generate();
            boolean hasZero = false;
            for (byte b : DeviceSecrets.preSharedKey(secret)) {
                hasZero |= b == 0;
            }
            if (!hasZero) {
                return secret;
            }
        }
    }
}
