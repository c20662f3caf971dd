package org.roadpulse.ingest.sites;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.roadpulse.protocol.Rejection;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules a site must meet: each broken rule names its reason and field. */
class SiteRulesTest {

    private static final MeasurementSite GOOD = new MeasurementSite("bexbach-rathausstrasse", "10045111",
            "Bexbach – Rathausstraße", "Rathausstraße", "L 119", 49.3466, 7.2597, 1, 1, "Richtung Homburg",
            "Richtung Neunkirchen", 50, List.of());

    @Test
    void realisticSiteMeetsEveryRule() {
        assertThat(SiteRules.check(GOOD)).isEmpty();
    }

    @Test
    void oneWayStreetWithoutSpeedLimitOrRoadMeetsEveryRule() {
        // GIVEN a one-way street: lanes in one direction only, no road number, no posted limit
        MeasurementSite oneWay = new MeasurementSite("tholey-einbahn", "10046118", "Tholey – Einbahnstraße", null,
                null, 49.48, 7.03, 0, 2, null, "Richtung Markt", null, List.of());

        // THEN it is a valid site
        assertThat(SiteRules.check(oneWay)).isEmpty();
    }

    static Stream<Arguments> brokenSites() {
        String longText = "x".repeat(SiteRules.MAX_TEXT_LENGTH + 1);
        return Stream.of(
                Arguments.of(with("Bexbach", "10045111", "Name", 49.3, 7.2, 1, 1, 50), "site.id_invalid", "id"),
                Arguments.of(with("bexbach-x", "1004511", "Name", 49.3, 7.2, 1, 1, 50), "municipality.invalid",
                        "municipality"),
                Arguments.of(with("bexbach-x", "10045111", " ", 49.3, 7.2, 1, 1, 50), "name.missing", "name"),
                Arguments.of(with("bexbach-x", "10045111", null, 49.3, 7.2, 1, 1, 50), "name.missing", "name"),
                Arguments.of(with("bexbach-x", "10045111", longText, 49.3, 7.2, 1, 1, 50), "name.invalid", "name"),
                Arguments.of(with("bexbach-x", "10045111", "Name", 91, 7.2, 1, 1, 50), "location.invalid",
                        "latitude"),
                Arguments.of(with("bexbach-x", "10045111", "Name", 49.3, -180.5, 1, 1, 50), "location.invalid",
                        "longitude"),
                Arguments.of(with("bexbach-x", "10045111", "Name", Double.NaN, 7.2, 1, 1, 50), "location.invalid",
                        "latitude"),
                Arguments.of(with("bexbach-x", "10045111", "Name", 49.3, 7.2, -1, 1, 50), "lanes.invalid",
                        "lanesForward"),
                Arguments.of(with("bexbach-x", "10045111", "Name", 49.3, 7.2, 1, 9, 50), "lanes.invalid",
                        "lanesBackward"),
                Arguments.of(with("bexbach-x", "10045111", "Name", 49.3, 7.2, 0, 0, 50), "lanes.invalid", "lanes"),
                Arguments.of(with("bexbach-x", "10045111", "Name", 49.3, 7.2, 1, 1, 0), "speed_limit.invalid",
                        "speedLimitKmh"),
                Arguments.of(with("bexbach-x", "10045111", "Name", 49.3, 7.2, 1, 1, 250), "speed_limit.invalid",
                        "speedLimitKmh"),
                Arguments.of(new MeasurementSite("bexbach-x", "10045111", "Name", longText, null, 49.3, 7.2, 1, 1,
                        null, null, 50, List.of()), "road.invalid", "roadName"),
                Arguments.of(new MeasurementSite("bexbach-x", "10045111", "Name", null, null, 49.3, 7.2, 1, 1,
                        null, longText, 50, List.of()), "direction_label.invalid", "backwardLabel"));
    }

    @ParameterizedTest(name = "{1} at {2}")
    @MethodSource("brokenSites")
    void brokenRuleIsNamedWithItsField(MeasurementSite site, String reason, String field) {
        // WHEN the site is checked
        Rejection rejection = SiteRules.check(site).orElseThrow();

        // THEN the first broken rule is reported with its field
        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.field()).isEqualTo(field);
    }

    private static MeasurementSite with(String id, String municipality, String name, double latitude,
                                        double longitude, int forward, int backward, Integer speedLimit) {
        return new MeasurementSite(id, municipality, name, null, null, latitude, longitude, forward, backward,
                null, null, speedLimit, List.of());
    }
}
