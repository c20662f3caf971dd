package org.roadpulse.roadai.roads;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies that camera positions snap to the nearest road within the tolerance, at the right chainage and section. */
class RoadNetworkTest {

    private static final String BEXBACH = "10045111";
    /** An east–west road of about 724 m at 49.35° N, and a parallel one 50 m further north. */
    private static final RoadSegment MAIN = new RoadSegment("main", "Hauptstraße", RoadClass.STATE, BEXBACH, "site-1",
            List.of(new GeoPoint(49.35, 7.25), new GeoPoint(49.35, 7.26)));
    private static final RoadSegment BACK = new RoadSegment("back", "Hintergasse", RoadClass.RESIDENTIAL, BEXBACH,
            null, List.of(new GeoPoint(49.35045, 7.25), new GeoPoint(49.35045, 7.26)));
    private final RoadNetwork network = new RoadNetwork(List.of(MAIN, BACK));

    @Test
    void aPositionBesideTheRoadSnapsToItAtItsChainage() {
        // GIVEN a position 355 m along the main road and about 5 m north of it
        GeoPoint onRoad = network.positionAt(MAIN, 355);
        GeoPoint beside = new GeoPoint(onRoad.latitude() + 5 / 111_195.0, onRoad.longitude());
        // WHEN it is snapped with a 15-m tolerance
        Snapped snapped = network.snap(beside, 15).orElseThrow();
        // THEN it lies on the main road, 355 m along, 5 m off, in section 35
        assertThat(snapped.segment()).isEqualTo(MAIN);
        assertThat(snapped.chainageMetres()).isCloseTo(355, Offset.offset(0.5));
        assertThat(snapped.offsetMetres()).isCloseTo(5, Offset.offset(0.1));
        assertThat(snapped.section()).isEqualTo(35);
    }

    @Test
    void theNearerOfTwoRoadsWins() {
        GeoPoint nearBack = new GeoPoint(49.35040, 7.255);
        assertThat(network.snap(nearBack, 30).orElseThrow().segment()).isEqualTo(BACK);
    }

    @Test
    void aPositionFartherThanTheToleranceIsOffTheNetwork() {
        assertThat(network.snap(new GeoPoint(49.3520, 7.255), 15)).isEmpty();
        assertThat(network.snap(new GeoPoint(49.35, 7.2700), 15)).isEmpty();
    }

    @Test
    void lengthsAreInMetres() {
        // 0.01° of longitude at 49.35° N
        assertThat(network.lengthMetres(MAIN)).isCloseTo(0.01 * 111_195 * Math.cos(Math.toRadians(49.35)),
                Offset.offset(0.5));
    }

    @Test
    void segmentIdsAreUnique() {
        assertThatThrownBy(() -> new RoadNetwork(List.of(MAIN, MAIN))).hasMessageContaining("main");
    }

    @Test
    void anEmptyNetworkSnapsNothing() {
        assertThat(new RoadNetwork(List.of()).snap(new GeoPoint(49.35, 7.25), 100)).isEmpty();
    }
}
