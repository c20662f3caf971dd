package org.roadpulse.ingest.sites;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.ingest.testing.TestSites;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roadpulse.ingest.testing.TestSites.BEXBACH;
import static org.roadpulse.ingest.testing.TestSites.THOLEY;
import static org.roadpulse.ingest.testing.TestSites.site;
import static org.roadpulse.ingest.testing.TestSites.siteOf;

/** The sites store: what is saved is read back, devices follow the site that lists them, and reads see writes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgSitesTest {

    private final TestDatabase db = TestPostgres.freshDatabase();
    private PgSites sites;

    @BeforeAll
    void registerDevices() {
        sites = new PgSites(db.dataSource());
        for (String device : List.of("store-a1", "store-a2", "store-b1", "store-m1", "store-m2", "store-d1",
                "store-u1")) {
            TestSites.device(db, device, BEXBACH);
        }
        TestSites.device(db, "store-t1", THOLEY);
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void savedSiteIsReadBackWithEveryFieldAndItsDevicesInOrder() {
        // WHEN a site with two devices, listed out of order, is saved
        PgSites.Saved saved = sites.save(site("store-site-a", List.of("store-a2", "store-a1")));

        // THEN it was created, and reading it gives the same site with its devices ordered by id
        MeasurementSite expected = site("store-site-a", List.of("store-a1", "store-a2"));
        assertThat(saved.created()).isTrue();
        assertThat(saved.site()).isEqualTo(expected);
        assertThat(sites.find("store-site-a")).contains(expected);
        assertThat(siteOf(db, "store-a1")).isEqualTo("store-site-a");
    }

    @Test
    void replacingASiteChangesItsFieldsAndReleasesDevicesNoLongerListed() {
        // GIVEN a site counted by two devices
        sites.save(site("store-site-b", List.of("store-b1", "store-u1")));

        // WHEN it is saved again with another name, no speed limit and only the first device
        MeasurementSite renamed = new MeasurementSite("store-site-b", BEXBACH, "Bexbach – Kleinottweiler Straße",
                null, null, 49.35, 7.26, 2, 0, "Richtung Kleinottweiler", null, null, List.of("store-b1"));
        PgSites.Saved saved = sites.save(renamed);

        // THEN it was replaced, reads show the new fields, and the other device is left without a site
        assertThat(saved.created()).isFalse();
        assertThat(sites.find("store-site-b")).contains(renamed);
        assertThat(siteOf(db, "store-u1")).isNull();
        assertThat(db.number("SELECT count(*) FROM measurement_site WHERE id = 'store-site-b'")).isEqualTo(1);
    }

    @Test
    void deviceListedAtAnotherSiteMovesThere() {
        // GIVEN a device counting at one site
        sites.save(site("store-site-m1", List.of("store-m1", "store-m2")));

        // WHEN another site lists it
        sites.save(site("store-site-m2", List.of("store-m2")));

        // THEN it counts at the new site only
        assertThat(siteOf(db, "store-m2")).isEqualTo("store-site-m2");
        assertThat(sites.find("store-site-m1").orElseThrow().devices()).containsExactly("store-m1");
        assertThat(sites.find("store-site-m2").orElseThrow().devices()).containsExactly("store-m2");
    }

    @Test
    void unknownDeviceIsRefusedAndNothingIsStored() {
        // WHEN a site lists a device that is not registered
        assertThatThrownBy(() -> sites.save(site("store-site-u", List.of("store-u1", "store-nobody"))))
                // THEN it is refused with the device's position
                .isInstanceOfSatisfying(InvalidSiteException.class, e -> {
                    assertThat(e.rejection().reason()).isEqualTo("device.unknown");
                    assertThat(e.rejection().field()).isEqualTo("devices[1]");
                });

        // AND neither the site nor the known device's assignment was stored
        assertThat(sites.find("store-site-u")).isEmpty();
        assertThat(siteOf(db, "store-u1")).isNull();
    }

    @Test
    void deviceOfAnotherMunicipalityIsRefused() {
        // WHEN a Bexbach site lists a Tholey device
        assertThatThrownBy(() -> sites.save(site("store-site-x", BEXBACH, List.of("store-t1"))))
                // THEN it is refused: a site never reaches into another municipality
                .isInstanceOfSatisfying(InvalidSiteException.class, e -> {
                    assertThat(e.rejection().reason()).isEqualTo("device.other_municipality");
                    assertThat(e.rejection().field()).isEqualTo("devices[0]");
                });
        assertThat(siteOf(db, "store-t1")).isNull();
    }

    @Test
    void siteBreakingARuleIsRefusedBeforeTheDatabase() {
        // WHEN a site with nine lanes in one direction is saved
        MeasurementSite tooWide = new MeasurementSite("store-site-w", BEXBACH, "Bexbach", null, null, 49.3, 7.2,
                9, 1, null, null, 50, List.of());

        // THEN it is refused with the lanes reason
        assertThatThrownBy(() -> sites.save(tooWide)).isInstanceOfSatisfying(InvalidSiteException.class,
                e -> assertThat(e.rejection().reason()).isEqualTo("lanes.invalid"));
        assertThat(sites.find("store-site-w")).isEmpty();
    }

    @Test
    void deletedSiteIsGoneAndItsDevicesStayWithoutASite() {
        // GIVEN a site with a device
        sites.save(site("store-site-d", List.of("store-d1")));
        assertThat(sites.find("store-site-d")).isPresent();

        // WHEN it is deleted, twice
        boolean first = sites.delete("store-site-d");
        boolean second = sites.delete("store-site-d");

        // THEN the first delete found it, the second did not, and the device is still registered, without a site
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(sites.find("store-site-d")).isEmpty();
        assertThat(db.number("SELECT count(*) FROM device WHERE id = 'store-d1' AND site_id IS NULL")).isEqualTo(1);
    }

    @Test
    void listIsOrderedByIdAndFiltersByMunicipality() {
        // GIVEN sites in two municipalities
        sites.save(site("store-list-z", BEXBACH, List.of()));
        sites.save(site("store-list-t", THOLEY, List.of()));
        sites.save(site("store-list-c", BEXBACH, List.of()));

        // WHEN they are listed, all and by municipality
        List<String> all = ids(sites.list(null));
        List<String> tholey = ids(sites.list(THOLEY));

        // THEN all are ordered by id, and the filter keeps only that municipality's
        assertThat(all).isSorted().contains("store-list-c", "store-list-t", "store-list-z");
        assertThat(tholey).containsExactly("store-list-t");
        assertThat(sites.list("99999999")).isEmpty();
    }

    @Test
    void readsSeeAWriteMadeDirectlyAfterACachedRead() {
        // GIVEN a site that has been read (and so is cached)
        sites.save(site("store-cache", List.of()));
        assertThat(sites.find("store-cache").orElseThrow().speedLimitKmh()).isEqualTo(50);

        // WHEN it is replaced through the same store
        MeasurementSite slower = new MeasurementSite("store-cache", BEXBACH, "Bexbach – Schulstraße", null, null,
                49.3466, 7.2597, 1, 1, null, null, 30, List.of());
        sites.save(slower);

        // THEN the next read has the new speed limit
        assertThat(sites.find("store-cache")).contains(slower);
    }

    private static List<String> ids(List<MeasurementSite> list) {
        return list.stream().map(MeasurementSite::id).toList();
    }
}
