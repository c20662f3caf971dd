package org.roadpulse.roadai.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.roads.RoadClass;

/** Verifies that traffic figures say where they come from as a code and facts, not as a sentence only. */
class TrafficTest {

    @Test
    void aRoadWithoutASiteGetsItsClassDefaultAndTheRoadClassDefaultCode() {
        // WHEN the traffic of a state road nobody counts is assumed
        Traffic traffic = Traffic.assumedFor(RoadClass.STATE);
        // THEN it is the class's default with a 5 % heavy share, and the source names the class
        assertThat(traffic.dtv()).isEqualTo(6_000);
        assertThat(traffic.heavyShare()).isEqualTo(0.05);
        assertThat(traffic.measured()).isFalse();
        assertThat(traffic.source()).isEqualTo(new Traffic.Assumed(RoadClass.STATE, Traffic.Reason.NO_SITE, null));
        assertThat(traffic.source().code()).isEqualTo("road-class-default");
        assertThat(traffic.source().inEnglish()).isEqualTo("default for Landesstraße: no measurement site");
    }

    @Test
    void aDefaultForASiteThatCouldNotTellNamesTheSiteAndTheReason() {
        Traffic traffic = Traffic.assumedFor(RoadClass.DISTRICT, Traffic.Reason.FLOW_API_UNAVAILABLE, "k-12");
        assertThat(traffic.dtv()).isEqualTo(3_000);
        assertThat(traffic.source().code()).isEqualTo("flow-api-unavailable");
        assertThat(traffic.source().inEnglish()).isEqualTo("default for Kreisstraße: flow API unavailable for site k-12");
        assertThat(Traffic.Reason.NO_COMPLETE_DAY.code()).isEqualTo("no-complete-day");
        assertThat(Traffic.Reason.FLOW_API_NOT_CONFIGURED.code()).isEqualTo("flow-api-not-configured");
    }

    @Test
    void aMeasuredSourceKeepsItsSiteAndPeriod() {
        Traffic.Measured source = new Traffic.Measured("tholey-l141", LocalDate.of(2025, 12, 6), LocalDate.of(2026, 12, 6));
        Traffic traffic = new Traffic(7_400, 0.095, source);
        assertThat(traffic.measured()).isTrue();
        assertThat(source.code()).isEqualTo("measured");
        assertThat(source.inEnglish()).isEqualTo("measured at site tholey-l141, 2025-12-06 to 2026-12-06");
    }

    @Test
    void aSiteIdBelongsToEveryReasonButNoSite() {
        assertThatThrownBy(() -> new Traffic.Assumed(RoadClass.STATE, Traffic.Reason.NO_SITE, "l-141"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Traffic.Assumed(RoadClass.STATE, Traffic.Reason.NO_COMPLETE_DAY, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
