package org.roadpulse.roadai.service.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.maintenance.ConditionGrade;
import org.roadpulse.roadai.maintenance.TermFacts;
import org.roadpulse.roadai.maintenance.Traffic;
import org.roadpulse.roadai.roads.RoadClass;

/** Verifies that each "why here" term's facts become flat JSON with only its own fields, as the pages read them. */
class WhyFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void measuredTrafficGivesItsFiguresSourceSiteAndPeriod() {
        Traffic traffic = new Traffic(7_400, 0.095,
                new Traffic.Measured("tholey-l141", LocalDate.of(2025, 12, 6), LocalDate.of(2026, 12, 6)));
        assertThat(json(new TermFacts.Load(traffic))).isEqualTo("""
                {"dtv":7400.0,"heavyShare":0.095,"source":"measured","siteId":"tholey-l141",\
                "from":"2025-12-06","to":"2026-12-06"}""");
    }

    @Test
    void assumedTrafficNamesTheRoadClassWhoseDefaultIsUsedAndWhy() {
        assertThat(json(new TermFacts.Load(Traffic.assumedFor(RoadClass.MUNICIPAL_MAIN)))).isEqualTo("""
                {"dtv":2000.0,"heavyShare":0.05,"source":"road-class-default","roadClass":"municipal-main"}""");
        assertThat(json(new TermFacts.Load(Traffic.assumedFor(RoadClass.STATE, Traffic.Reason.NO_COMPLETE_DAY,
                "l-141")))).isEqualTo("""
                {"dtv":6000.0,"heavyShare":0.05,"source":"no-complete-day","siteId":"l-141","roadClass":"state"}""");
    }

    @Test
    void theOtherTermsGiveTheirNumbersAndCodes() {
        assertThat(json(new TermFacts.Safety(0.06, 0.04)))
                .isEqualTo("{\"largestPotholeM2\":0.06,\"safetyPotholeM2\":0.04,\"safetyCritical\":true}");
        assertThat(json(new TermFacts.Condition(new ConditionGrade(4.2)))).isEqualTo("{\"grade\":4.2}");
        assertThat(json(new TermFacts.Road(RoadClass.DISTRICT))).isEqualTo("{\"roadClass\":\"district\"}");
        assertThat(json(new TermFacts.Age(4))).isEqualTo("{\"days\":4}");
        assertThat(json(new TermFacts.Certainty(1))).isEqualTo("{\"certainty\":1.0,\"confirmed\":true}");
    }

    private static String json(TermFacts facts) {
        return JSON.valueToTree(WhyFacts.of(facts)).toString();
    }
}
