package org.roadpulse.ingest.devices;

import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's simulated devices: valid, of the four model municipalities, and registered by the seeder. */
class DemoDevicesTest {

    @Test
    void demoDevicesAreValidAndCoverTheFourModelMunicipalities() {
        // WHEN the demo list is read
        List<DemoDevices.DemoDevice> devices = DemoDevices.load();

        // THEN every entry is registrable, labelled a demo secret, over MQTT or CoAP, in the four municipalities
        assertThat(devices).allSatisfy(d -> {
            assertThat(DeviceRegistration.check(d.id(), d.municipality(), d.name(), d.secret())).isEmpty();
            assertThat(d.secret()).startsWith("DEMO-ONLY-");
            assertThat(d.transport()).isIn("mqtt", "coap");
        });
        // Bexbach, Mettlach, Nalbach, Tholey (AGS from the official municipality directory)
        assertThat(devices).extracting(DemoDevices.DemoDevice::municipality)
                .contains("10045111", "10042114", "10044113", "10046118");
        assertThat(devices).extracting(DemoDevices.DemoDevice::transport).contains("mqtt", "coap");
    }

    @Test
    void seederRegistersEveryDemoDeviceWithItsSecretAndCanRunAgain() throws Exception {
        // GIVEN an empty registry
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            PgDeviceRegistry registry = new PgDeviceRegistry(db.dataSource());

            // WHEN the seeder runs twice (two service starts)
            new DemoDeviceSeeder(registry);
            new DemoDeviceSeeder(registry);

            // THEN each demo device is there once and admits its public demo secret
            assertThat(db.number("SELECT count(*) FROM device")).isEqualTo(DemoDevices.load().size());
            for (DemoDevices.DemoDevice demo : DemoDevices.load()) {
                assertThat(registry.authenticate(demo.id(), demo.secret())).isPresent();
            }
            assertThat(db.rows("SELECT name FROM device WHERE id = 'bexbach-rathausstrasse'"))
                    .containsExactly(List.of("Bexbach – Rathausstraße"));
        }
    }
}
