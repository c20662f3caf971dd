package org.roadpulse.ingest.sites;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.devices.DemoDeviceSeeder;
import org.roadpulse.ingest.devices.DemoDevices;
import org.roadpulse.ingest.devices.PgDeviceRegistry;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The demo's sites: one per demo device, valid, where the devices stand, and created by the seeder once. */
class DemoSitesTest {

    @Test
    void everyDemoDeviceHasOneValidSiteInItsMunicipality() {
        // WHEN the demo sites and devices are read
        List<MeasurementSite> sites = DemoSites.load();
        List<DemoDevices.DemoDevice> devices = DemoDevices.load();

        // THEN every site is valid: a cross-section with one lane per direction, labelled, at 50 km/h
        assertThat(sites).allSatisfy(site -> {
            assertThat(SiteRules.check(site)).isEmpty();
            assertThat(site.lanesForward()).isEqualTo(1);
            assertThat(site.lanesBackward()).isEqualTo(1);
            assertThat(site.forwardLabel()).startsWith("Richtung ");
            assertThat(site.backwardLabel()).startsWith("Richtung ");
            assertThat(site.speedLimitKmh()).isEqualTo(50);
        });
        // AND every demo device is listed by exactly one site of its own municipality
        Map<String, MeasurementSite> siteOfDevice = sites.stream()
                .flatMap(site -> site.devices().stream().map(device -> Map.entry(device, site)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(siteOfDevice).hasSameSizeAs(devices);
        assertThat(devices).allSatisfy(device -> assertThat(siteOfDevice.get(device.id()).municipality())
                .isEqualTo(device.municipality()));
    }

    @Test
    void demoSitesStandWhereTheStreetsAre() {
        // WHEN the demo sites are read
        Map<String, MeasurementSite> byId = DemoSites.load().stream()
                .collect(Collectors.toMap(MeasurementSite::id, Function.identity()));

        // THEN each is at its street, within about 100 m
        assertLocation(byId.get("bexbach-rathausstrasse"), 49.3466, 7.2597);
        assertLocation(byId.get("mettlach-saaruferstrasse"), 49.4936, 6.5972);
        assertLocation(byId.get("nalbach-hauptstrasse"), 49.3813, 6.7813);
        assertLocation(byId.get("tholey-metzer-strasse"), 49.4836, 7.0383);
    }

    @Test
    void seederCreatesEachSiteOnceAndKeepsAnEditAcrossRestarts() throws Exception {
        // GIVEN the demo devices registered
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            DemoDeviceSeeder devices = new DemoDeviceSeeder(new PgDeviceRegistry(db.dataSource()));
            PgSites sites = new PgSites(db.dataSource());

            // WHEN the site seeder runs, a site is edited, and the seeder runs again (a restart)
            new DemoSiteSeeder(sites, devices);
            MeasurementSite bexbach = sites.find("bexbach-rathausstrasse").orElseThrow();
            MeasurementSite edited = new MeasurementSite(bexbach.id(), bexbach.municipality(), bexbach.name(),
                    bexbach.roadName(), bexbach.roadNumber(), bexbach.latitude(), bexbach.longitude(), 1, 1,
                    bexbach.forwardLabel(), bexbach.backwardLabel(), 30, bexbach.devices());
            sites.save(edited);
            new DemoSiteSeeder(new PgSites(db.dataSource()), devices);

            // THEN each demo site exists once, each demo device counts at one, and the edit is kept
            assertThat(db.number("SELECT count(*) FROM measurement_site")).isEqualTo(DemoSites.load().size());
            assertThat(db.number("SELECT count(*) FROM device WHERE site_id IS NULL")).isZero();
            assertThat(new PgSites(db.dataSource()).find("bexbach-rathausstrasse")).contains(edited);
        }
    }

    @Test
    void serviceInDemoModeStartsWithASiteForEveryDemoDevice() throws Exception {
        // GIVEN an empty database
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            Map<String, Object> properties = new HashMap<>(db.serviceProperties(
                    Files.createTempDirectory("roadpulse-demo-sites")));
            properties.put("roadpulse.demo.seed-devices", "true");

            // WHEN the service starts in demo mode
            try (ApplicationContext service = ApplicationContext.run(properties)) {

                // THEN the sites the flow queries read hold every demo site, each with its device
                Sites sites = service.getBean(Sites.class);
                assertThat(sites.list(null)).extracting(MeasurementSite::id)
                        .containsExactlyElementsOf(DemoSites.load().stream().map(MeasurementSite::id).sorted().toList());
                assertThat(sites.find("tholey-metzer-strasse").orElseThrow().devices())
                        .containsExactly("tholey-metzer-strasse");
            }
        }
    }

    private static void assertLocation(MeasurementSite site, double latitude, double longitude) {
        assertThat(site.latitude()).isCloseTo(latitude, within(0.001));
        assertThat(site.longitude()).isCloseTo(longitude, within(0.001));
    }
}
