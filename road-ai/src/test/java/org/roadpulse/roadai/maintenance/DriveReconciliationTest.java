package org.roadpulse.roadai.maintenance;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies how one drive's sightings join known items, start new ones, and tell which repairs held. */
class DriveReconciliationTest {

    private static final Instant DRIVE = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void sightingsOfOneDamageInNeighbouringFramesBecomeOneNewItem() {
        // GIVEN three frames showing a pothole in sections 12, 13 and 13, and a crack in section 13
        List<Sighting> sightings = List.of(pothole("s1", 12, "a"), pothole("s1", 13, "b"), pothole("s1", 13, "c"),
                crack("s1", 13, "c"));
        // WHEN the drive is reconciled with an empty list
        DriveReconciliation.Outcome outcome = DriveReconciliation.reconcile(List.of(), sightings, Set.of());
        // THEN there is one new pothole (all three sightings) and one new crack
        assertThat(outcome.newDamage()).hasSize(2);
        assertThat(outcome.newDamage().get(0).crack()).isFalse();
        assertThat(outcome.newDamage().get(0).sightings()).extracting(Sighting::imageId).containsExactly("a", "b", "c");
        assertThat(outcome.newDamage().get(1).crack()).isTrue();
    }

    @Test
    void aSightingNearAKnownItemOfItsKindIsThatItem() {
        KnownItem known = new KnownItem(7, "s1", 20, false, ItemStatus.REPAIRED);
        DriveReconciliation.Outcome outcome = DriveReconciliation.reconcile(List.of(known),
                List.of(pothole("s1", 21, "x")), Set.of(new DriveReconciliation.Covered("s1", 20)));
        assertThat(outcome.seenAgain()).containsOnlyKeys(known);
        assertThat(outcome.newDamage()).isEmpty();
        assertThat(outcome.notSeenAgain()).isEmpty();
    }

    @Test
    void otherKindsSegmentsAndFarSectionsAreNotTheSameItem() {
        KnownItem known = new KnownItem(7, "s1", 20, false, ItemStatus.CONFIRMED);
        DriveReconciliation.Outcome outcome = DriveReconciliation.reconcile(List.of(known),
                List.of(crack("s1", 20, "x"), pothole("s2", 20, "y"), pothole("s1", 22, "z")), Set.of());
        assertThat(outcome.seenAgain()).isEmpty();
        assertThat(outcome.newDamage()).hasSize(3);
    }

    @Test
    void aCoveredSectionWithoutSightingsMeansNotSeenAgain() {
        KnownItem repaired = new KnownItem(7, "s1", 20, false, ItemStatus.REPAIRED);
        KnownItem elsewhere = new KnownItem(8, "s1", 40, true, ItemStatus.REPAIRED);
        DriveReconciliation.Outcome outcome = DriveReconciliation.reconcile(List.of(repaired, elsewhere), List.of(),
                Set.of(new DriveReconciliation.Covered("s1", 20)));
        assertThat(outcome.notSeenAgain()).containsExactly(repaired);
    }

    private static Sighting pothole(String segment, int section, String image) {
        return new Sighting(segment, section, new Finding(DamageKind.POTHOLE, 0.1, 0.9, DRIVE), image);
    }

    private static Sighting crack(String segment, int section, String image) {
        return new Sighting(segment, section, new Finding(DamageKind.LONGITUDINAL_CRACK, 0.3, 0.8, DRIVE), image);
    }
}
