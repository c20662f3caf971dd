package org.roadpulse.roadai.maintenance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one drive changes on the list. Frames a few metres apart show the same damage, and the camera sees it some
 * metres ahead of where the vehicle is: a sighting therefore belongs to a known item of the same kind (crack or
 * pothole) on the same segment within {@link #NEIGHBOURING_SECTIONS} sections, or else starts a new item that later
 * sightings of the drive join. Known items in sections the drive covered but without a sighting were not seen again.
 */
public final class DriveReconciliation {

    /** How far (in 10-m sections, either way) a sighting may lie from the item it belongs to. */
    public static final int NEIGHBOURING_SECTIONS = 1;

    /** Sightings grouped into a damage the list does not know yet, anchored at its first sighting's section. */
    public record NewDamage(String segmentId, int section, boolean crack, List<Sighting> sightings) {
    }

    /**
     * @param newDamage     damage to put on the list as new items
     * @param seenAgain     known items a sighting belongs to, with those sightings
     * @param notSeenAgain  known items in covered sections that no sighting belongs to
     */
    public record Outcome(List<NewDamage> newDamage, Map<KnownItem, List<Sighting>> seenAgain,
                          List<KnownItem> notSeenAgain) {
    }

    /** A section the drive passed, so that damage there would have been seen. */
    public record Covered(String segmentId, int section) {
    }

    private DriveReconciliation() {
    }

    public static Outcome reconcile(Collection<KnownItem> known, List<Sighting> sightings, Set<Covered> covered) {
        Map<KnownItem, List<Sighting>> seenAgain = new LinkedHashMap<>();
        List<NewDamage> fresh = new ArrayList<>();
        for (Sighting sighting : sightings) {
            KnownItem item = nearest(known, sighting);
            if (item != null) {
                seenAgain.computeIfAbsent(item, k -> new ArrayList<>()).add(sighting);
                continue;
            }
            NewDamage damage = fresh.stream().filter(d -> belongs(sighting, d.segmentId(), d.section(), d.crack()))
                    .findFirst().orElse(null);
            if (damage == null) {
                damage = new NewDamage(sighting.segmentId(), sighting.section(), sighting.isCrack(),
                        new ArrayList<>());
                fresh.add(damage);
            }
            damage.sightings().add(sighting);
        }
        List<KnownItem> notSeen = new ArrayList<>();
        for (KnownItem item : known) {
            if (!seenAgain.containsKey(item) && covered.contains(new Covered(item.segmentId(), item.section()))) {
                notSeen.add(item);
            }
        }
        return new Outcome(fresh, seenAgain, notSeen);
    }

    /** The known item the sighting belongs to: same kind and segment, nearest section within reach (REJECTED too). */
    private static KnownItem nearest(Collection<KnownItem> known, Sighting sighting) {
        KnownItem best = null;
        for (KnownItem item : known) {
            if (belongs(sighting, item.segmentId(), item.section(), item.crack())
                    && (best == null || distance(sighting, item) < distance(sighting, best))) {
                best = item;
            }
        }
        return best;
    }

    private static boolean belongs(Sighting sighting, String segmentId, int section, boolean crack) {
        return sighting.segmentId().equals(segmentId) && sighting.isCrack() == crack
                && Math.abs(sighting.section() - section) <= NEIGHBOURING_SECTIONS;
    }

    private static int distance(Sighting sighting, KnownItem item) {
        return Math.abs(sighting.section() - item.section());
    }
}
