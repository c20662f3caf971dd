package org.roadpulse.ingest.devices;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.protocol.DeviceSecrets;
import org.roadpulse.protocol.StatusReport;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Device credentials: hashed, cached, and current across service instances. */
class PgDeviceRegistryTest {

    private static TestDatabase db;
    private static final AtomicInteger connections = new AtomicInteger();
    private static PgDeviceRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        db = TestPostgres.freshDatabase();
        registry = new PgDeviceRegistry(counting(db.dataSource()));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void deviceAuthenticatesWithItsSecretOnlyAndTheSecretIsNotStored() {
        // GIVEN a provisioned device
        String secret = registry.provision("bexbach-reg-1", "10045111", "Bexbach – A", null).secret();

        // WHEN it authenticates with its secret and with another
        // THEN only its own secret works, and the database holds the hash, never the secret
        assertThat(registry.authenticate("bexbach-reg-1", secret)).isPresent();
        assertThat(registry.authenticate("bexbach-reg-1", secret + "x")).isEmpty();
        assertThat(registry.authenticate("bexbach-reg-2", secret)).isEmpty();
        assertThat(db.value("SELECT secret_hash FROM device WHERE id = 'bexbach-reg-1'"))
                .isEqualTo(DeviceSecrets.hash(secret));
        assertThat(db.number("SELECT count(*) FROM device WHERE secret_hash = ? OR name = ?", secret, secret))
                .isZero();
    }

    @Test
    void repeatedAuthenticationIsAnsweredFromMemory() {
        // GIVEN a device that has authenticated once
        String secret = registry.provision("bexbach-reg-3", "10045111", "Bexbach – B", null).secret();
        registry.authenticate("bexbach-reg-3", secret);
        int before = connections.get();

        // WHEN it authenticates a thousand times more (reconnects, HTTP requests)
        for (int i = 0; i < 1000; i++) {
            assertThat(registry.authenticate("bexbach-reg-3", secret)).isPresent();
            assertThat(registry.identify(secret)).isPresent();
        }

        // THEN the database was not asked
        assertThat(connections.get()).isEqualTo(before);
    }

    @Test
    void deviceProvisionedByAnotherInstanceIsKnownAtOnce() throws Exception {
        // GIVEN a second service instance that has already loaded its copy of the registry
        PgDeviceRegistry elsewhere = new PgDeviceRegistry(db.dataSource());

        // WHEN this instance provisions a device
        String secret = registry.provision("bexbach-reg-4", "10045111", "Bexbach – C", null).secret();

        // THEN the other instance accepts it without waiting for its refresh
        assertThat(elsewhere.authenticate("bexbach-reg-4", secret)).isPresent();
        assertThat(elsewhere.identify(secret).map(Device::id)).contains("bexbach-reg-4");
    }

    @Test
    void newSecretReplacesTheOldOneAtOnce() {
        // GIVEN a device with a secret
        String old = registry.provision("bexbach-reg-5", "10045111", "Bexbach – D", null).secret();
        assertThat(registry.authenticate("bexbach-reg-5", old)).isPresent();

        // WHEN it is provisioned again
        String fresh = registry.provision("bexbach-reg-5", "10045111", "Bexbach – D", null).secret();

        // THEN only the new secret works, also as a bearer token
        assertThat(registry.authenticate("bexbach-reg-5", old)).isEmpty();
        assertThat(registry.identify(old)).isEmpty();
        assertThat(registry.authenticate("bexbach-reg-5", fresh)).isPresent();
    }

    @Test
    void preSharedKeyIsTheOneDerivedFromTheSecret() {
        // GIVEN a device with a chosen secret
        registry.provision("bexbach-reg-6", "10045111", "Bexbach – E", "a-chosen-secret-of-some-length");

        // WHEN its DTLS key is asked
        // THEN it is the key the device derives from the same secret
        assertThat(registry.preSharedKey("bexbach-reg-6"))
                .hasValueSatisfying(psk -> assertThat(psk)
                        .isEqualTo(DeviceSecrets.preSharedKey("a-chosen-secret-of-some-length")));
    }

    @Test
    void disabledDeviceIsFoundButNotAdmitted() throws Exception {
        // GIVEN a device an operator disabled
        String secret = registry.provision("bexbach-reg-7", "10045111", "Bexbach – F", null).secret();
        db.execute("UPDATE device SET enabled = false WHERE id = 'bexbach-reg-7'");
        PgDeviceRegistry fresh = new PgDeviceRegistry(db.dataSource());

        // THEN it is known but may not send
        assertThat(fresh.find("bexbach-reg-7")).hasValueSatisfying(d -> assertThat(d.enabled()).isFalse());
        assertThat(fresh.authenticate("bexbach-reg-7", secret)).isEmpty();
        assertThat(fresh.identify(secret)).isEmpty();
        assertThat(fresh.preSharedKey("bexbach-reg-7")).isEmpty();
    }

    @Test
    void secretOfAnotherDeviceCannotBeChosen() {
        // GIVEN a device with a chosen secret
        registry.provision("bexbach-reg-8", "10045111", "Bexbach – G", "shared-secret-nobody-should-reuse");

        // WHEN another device is given the same secret
        // THEN it is refused: a bearer token must name one device
        assertThatThrownBy(() -> registry.provision("bexbach-reg-9", "10045111", "Bexbach – H",
                "shared-secret-nobody-should-reuse")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusReportIsKeptWithTheDevice() {
        // GIVEN a device
        registry.provision("bexbach-reg-10", "10045111", "Bexbach – I", null);

        // WHEN its last will arrives
        registry.recordStatus(StatusReport.lastWill("bexbach-reg-10", "1.4.2"));

        // THEN the device shows offline, seen just now
        assertThat(db.value("SELECT last_status ->> 'state' FROM device WHERE id = 'bexbach-reg-10'"))
                .isEqualTo("offline");
        assertThat(db.number("SELECT extract(epoch FROM last_seen_at)::bigint FROM device WHERE id = 'bexbach-reg-10'"))
                .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 60);
    }

    /** The data source, counting how often a connection is taken. */
    private static DataSource counting(DataSource delegate) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
