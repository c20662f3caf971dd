package org.roadpulse.ingest.testing;

import org.roadpulse.ingest.sites.MeasurementSite;

import java.util.List;
import java.util.UUID;

/** Measurement sites and the devices they list, for tests. */
public final class TestSites {

    public static final String BEXBACH = "10045111";
    public static final String THOLEY = "10046118";

    private TestSites() {
    }

    /** A two-lane cross-section in Bexbach, one lane per direction, 50 km/h. */
    public static MeasurementSite site(String id, List<String> devices) {
        return site(id, BEXBACH, devices);
    }

    public static MeasurementSite site(String id, String municipality, List<String> devices) {
        return new MeasurementSite(id, municipality, "Bexbach – Rathausstraße", "Rathausstraße", "L 119",
                49.3466, 7.2597, 1, 1, "Richtung Homburg", "Richtung Neunkirchen", 50, devices);
    }

    /** Registers a device straight in the database (its secret does not matter to sites). */
    public static void device(TestDatabase db, String id, String municipality) {
        db.execute("INSERT INTO device (id, municipality, name, secret_hash, psk) VALUES (?, ?, ?, ?, ?)",
                id, municipality, "Zählstelle " + id, UUID.randomUUID().toString(), new byte[32]);
    }

    /** The site a device counts at, or null. */
    public static String siteOf(TestDatabase db, String deviceId) {
        return (String) db.value("SELECT site_id FROM device WHERE id = ?", deviceId);
    }
}
