package org.roadpulse.roadai.maintenance;

import org.roadpulse.roadai.roads.RoadClass;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the order of the maintenance list and that each item's score is the sum of its explained terms. */
class PriorityRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private final PriorityRules rules = new PriorityRules(PriorityWeights.defaults());

    @Test
    void aLargePotholeOnAQuietLaneGoesBeforeAPoorBusyRoad() {
        // GIVEN a safety-critical pothole on a residential street, and a crazed federal road at grade 4.8
        Priority pothole = rules.assess(item(2.0, 0.06, RoadClass.RESIDENTIAL, 0), NOW);
        Priority crazed = rules.assess(item(4.8, 0, RoadClass.FEDERAL, 200), NOW);
        // THEN the pothole ranks first although its score is lower
        assertThat(pothole.safetyCritical()).isTrue();
        assertThat(pothole.score()).isLessThan(crazed.score());
        List<Priority> list = new ArrayList<>(List.of(crazed, pothole));
        list.sort(Priority.MOST_URGENT_FIRST);
        assertThat(list).containsExactly(pothole, crazed);
    }

    @Test
    void theScoreIsTheSumOfTheTermsItShows() {
        Priority priority = rules.assess(item(3.6, 0.01, RoadClass.DISTRICT, 30), NOW);
        assertThat(priority.terms()).extracting(PriorityTerm::term)
                .containsExactly("safety", "grade", "traffic", "roadClass", "age", "certainty");
        double sum = priority.terms().stream().mapToDouble(PriorityTerm::points).sum();
        assertThat(priority.score()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.05));
        assertThat(priority.terms().get(1).basis()).isEqualTo("grade 3.6");
        assertThat(priority.terms().get(4).basis()).isEqualTo("known for 30 days");
    }

    @Test
    void eachTermRaisesTheScore() {
        Priority base = rules.assess(item(3.0, 0, RoadClass.DISTRICT, 10), NOW);
        assertThat(rules.assess(item(4.0, 0, RoadClass.DISTRICT, 10), NOW).score()).isGreaterThan(base.score());
        assertThat(rules.assess(item(3.0, 0, RoadClass.STATE, 10), NOW).score()).isGreaterThan(base.score());
        assertThat(rules.assess(item(3.0, 0, RoadClass.DISTRICT, 90), NOW).score()).isGreaterThan(base.score());
        Priority busier = rules.assess(new PriorityInputs(new ConditionGrade(3.0), 0,
                measured(9_000, 0.15), RoadClass.DISTRICT, NOW.minusSeconds(10 * 86_400), 0.8), NOW);
        assertThat(busier.score()).isGreaterThan(base.score());
    }

    @Test
    void heavyVehiclesWeighMoreThanCars() {
        Priority cars = rules.assess(new PriorityInputs(new ConditionGrade(3.0), 0, measured(2_000, 0.0),
                RoadClass.DISTRICT, NOW, 1), NOW);
        Priority lorries = rules.assess(new PriorityInputs(new ConditionGrade(3.0), 0, measured(2_000, 0.3),
                RoadClass.DISTRICT, NOW, 1), NOW);
        assertThat(lorries.score()).isGreaterThan(cars.score());
    }

    @Test
    void aMunicipalityCanWeighTrafficAlone() {
        // GIVEN weights that count traffic only
        PriorityRules trafficOnly = new PriorityRules(new PriorityWeights(0, 100, 0, 0, 0, 0.04, 3, 20_000, 180));
        // THEN a perfect road with full traffic scores the whole 100 and a poor empty path nearly nothing
        Priority busy = trafficOnly.assess(new PriorityInputs(ConditionGrade.BEST, 0,
                measured(20_000, 0), RoadClass.PATH, NOW, 0.5), NOW);
        assertThat(busy.score()).isEqualTo(100.0);
        Priority empty = trafficOnly.assess(new PriorityInputs(ConditionGrade.WORST, 0, measured(0, 0),
                RoadClass.FEDERAL, NOW.minusSeconds(400 * 86_400), 1), NOW);
        assertThat(empty.score()).isZero();
    }

    @Test
    void amongUnconfirmedItemsTheSurerOneGoesFirstAndConfirmedOnesCountFully() {
        Priority unsure = rules.assess(withCertainty(0.5), NOW);
        Priority sure = rules.assess(withCertainty(0.95), NOW);
        Priority confirmed = rules.assess(withCertainty(1), NOW);
        assertThat(sure.score()).isGreaterThan(unsure.score());
        assertThat(confirmed.terms().get(5).basis()).isEqualTo("confirmed");
        assertThat(unsure.terms().get(5).basis()).isEqualTo("model 50 % sure");
    }

    @Test
    void unmeasuredRoadsUseTheirClassDefaultAndSaySo() {
        Priority priority = rules.assess(item(3.0, 0, RoadClass.STATE, 0), NOW);
        assertThat(priority.terms().get(2).basis()).contains("DTV 6,000").contains("default for Landesstraße");
    }

    @Test
    void eachTermCarriesTheFactsItWasComputedFromNotOnlyASentence() {
        // GIVEN a district road item with a small pothole, at grade 3.6, known for 30 days, the model 70 % sure
        PriorityInputs inputs = new PriorityInputs(new ConditionGrade(3.6), 0.02,
                Traffic.assumedFor(RoadClass.DISTRICT), RoadClass.DISTRICT, NOW.minusSeconds(30 * 86_400L), 0.7);
        // WHEN it is assessed
        List<TermFacts> facts = rules.assess(inputs, NOW).terms().stream().map(PriorityTerm::facts).toList();
        // THEN every term holds its numbers, class and source as values
        assertThat(facts).containsExactly(
                new TermFacts.Safety(0.02, 0.04),
                new TermFacts.Condition(new ConditionGrade(3.6)),
                new TermFacts.Load(new Traffic(3_000, 0.05,
                        new Traffic.Assumed(RoadClass.DISTRICT, Traffic.Reason.NO_SITE, null))),
                new TermFacts.Road(RoadClass.DISTRICT),
                new TermFacts.Age(30),
                new TermFacts.Certainty(0.7));
        assertThat(((TermFacts.Safety) facts.get(0)).critical()).isFalse();
        assertThat(((TermFacts.Certainty) facts.get(5)).confirmed()).isFalse();
    }

    @Test
    void theEnglishSentencesStayForTheCliAndTheExports() {
        Priority critical = rules.assess(item(3.0, 0.06, RoadClass.STATE, 1), NOW);
        assertThat(critical.terms().get(0).basis()).isEqualTo("pothole 0.06 m² ≥ 0.04 m²: safety-critical, goes first");
        assertThat(critical.terms().get(3).basis()).isEqualTo("Landesstraße");
        assertThat(critical.terms().get(4).basis()).isEqualTo("known for 1 day");
        Priority measured = rules.assess(new PriorityInputs(new ConditionGrade(3.0), 0.01, measured(7_400, 0.095),
                RoadClass.STATE, NOW, 1), NOW);
        assertThat(measured.terms().get(0).basis()).isEqualTo("largest pothole 0.01 m² < 0.04 m²");
        assertThat(measured.terms().get(2).basis())
                .isEqualTo("DTV 7,400, 10 % heavy (measured at site site-1, 2025-11-22 to 2026-11-22)");
    }

    private static Traffic measured(double dtv, double heavyShare) {
        return new Traffic(dtv, heavyShare, new Traffic.Measured("site-1", LocalDate.of(2025, 11, 22),
                LocalDate.of(2026, 11, 22)));
    }

    private static PriorityInputs item(double grade, double potholeArea, RoadClass roadClass, int daysKnown) {
        return new PriorityInputs(new ConditionGrade(grade), potholeArea, Traffic.assumedFor(roadClass), roadClass,
                NOW.minusSeconds(daysKnown * 86_400L), 1);
    }

    private static PriorityInputs withCertainty(double certainty) {
        return new PriorityInputs(new ConditionGrade(3.0), 0, Traffic.assumedFor(RoadClass.DISTRICT),
                RoadClass.DISTRICT, NOW, certainty);
    }
}
