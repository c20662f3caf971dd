package org.roadpulse.roadai.service.intake;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roadpulse.roadai.maintenance.ConditionGrade;
import org.roadpulse.roadai.maintenance.DamageKind;
import org.roadpulse.roadai.maintenance.DriveReconciliation;
import org.roadpulse.roadai.maintenance.Finding;
import org.roadpulse.roadai.maintenance.GradingRules;
import org.roadpulse.roadai.maintenance.ItemAction;
import org.roadpulse.roadai.maintenance.ItemStatus;
import org.roadpulse.roadai.maintenance.KnownItem;
import org.roadpulse.roadai.maintenance.SectionCondition;
import org.roadpulse.roadai.maintenance.Sighting;
import org.roadpulse.roadai.maintenance.Workflow;
import org.roadpulse.roadai.roads.GeoPoint;
import org.roadpulse.roadai.roads.RoadNetwork;
import org.roadpulse.roadai.roads.Snapped;
import org.roadpulse.roadai.service.domain.Detection;
import org.roadpulse.roadai.service.domain.ItemEvent;
import org.roadpulse.roadai.service.domain.MaintenanceItem;
import org.roadpulse.roadai.service.storage.Jdbc;
import org.roadpulse.roadai.service.storage.PgDetections;
import org.roadpulse.roadai.service.storage.PgItemHistory;
import org.roadpulse.roadai.service.storage.PgItems;
import org.roadpulse.roadai.service.storage.PgSurveyImages;

/**
 * Stores one surveyed image in one transaction: the image, its detections, and what it changes on the list — new
 * items for new damage, a newer sighting (and a reopened repair) for known damage, a verified repair where the image
 * shows the section without it ({@link DriveReconciliation}, {@link Workflow}). Each change gets an audit event
 * by {@value #WHO}.
 */
@Singleton
public final class SurveyRecorder {

    /** Who the audit trail names for what a drive changed. */
    public static final String WHO = "survey";
    /** A section is graded on 10 m of a 7-m carriageway (the width {@code SurveyGeometry} assumes). */
    static final double SECTION_SQUARE_METRES = RoadNetwork.SECTION_METRES * 7.0;

    /** What one image did to the list. */
    public record Recorded(long imageId, int detections, int unmatched, int newItems, int seenAgain) {
    }

    private final Jdbc jdbc;
    private final PgSurveyImages images;
    private final PgDetections detections;
    private final PgItems items;
    private final PgItemHistory history;
    private final GradingRules grading = GradingRules.defaults();

    public SurveyRecorder(Jdbc jdbc, PgSurveyImages images, PgDetections detections, PgItems items,
                          PgItemHistory history) {
        this.jdbc = jdbc;
        this.images = images;
        this.detections = detections;
        this.items = items;
        this.history = history;
    }

    /** Empty when the same file was stored meanwhile (nothing is stored then). */
    public Optional<Recorded> record(String ags, PgSurveyImages.NewImage image, SurveyedFrame frame,
                                     GeoPoint position, Optional<Snapped> snapped, RoadNetwork network) {
        return jdbc.inTransaction(c -> {
            Optional<Long> id = images.insert(c, ags, image);
            if (id.isEmpty()) {
                c.rollback();
                return Optional.empty();
            }
            long imageId = id.get();
            if (snapped.isEmpty()) {
                for (FoundDamage damage : frame.damage()) {
                    detections.insert(c, ags, imageId, detection(damage, position, null), null);
                }
                return Optional.of(new Recorded(imageId, frame.damage().size(), frame.damage().size(), 0, 0));
            }
            return Optional.of(reconcile(c, ags, imageId, image.takenAt(), frame, position, snapped.get(), network));
        });
    }

    private Recorded reconcile(Connection c, String ags, long imageId, Instant seen, SurveyedFrame frame,
                               GeoPoint position, Snapped at, RoadNetwork network) throws SQLException {
        String segmentId = at.segment().id();
        items.holdSegment(c, ags, segmentId);
        Map<Long, MaintenanceItem> stored = new LinkedHashMap<>();
        List<KnownItem> known = new ArrayList<>();
        for (MaintenanceItem item : items.onSegments(c, ags, List.of(segmentId))) {
            stored.put(item.id(), item);
            known.add(new KnownItem(item.id(), item.segmentId(), item.section(), item.kind().isCrack(), item.status()));
        }
        Map<Sighting, FoundDamage> found = new IdentityHashMap<>();
        List<Sighting> sightings = new ArrayList<>();
        for (FoundDamage damage : frame.damage()) {
            Sighting sighting = new Sighting(segmentId, at.section(), damage.finding(), "image-" + imageId);
            found.put(sighting, damage);
            sightings.add(sighting);
        }
        DriveReconciliation.Outcome outcome = DriveReconciliation.reconcile(known, sightings,
                Set.of(new DriveReconciliation.Covered(segmentId, at.section())));
        GeoPoint onRoad = network.positionAt(at.segment(), at.chainageMetres());
        for (DriveReconciliation.NewDamage damage : outcome.newDamage()) {
            List<Finding> findings = damage.sightings().stream().map(Sighting::finding).toList();
            MaintenanceItem item = new MaintenanceItem(0, ags, kind(findings), segmentId, damage.section(),
                    onRoad.latitude(), onRoad.longitude(), ItemStatus.NEW, grade(findings), largestPothole(findings),
                    confidence(findings), seen, seen, null, null, null);
            long itemId = items.insert(c, item);
            history.record(c, ags, itemId, new ItemEvent(seen, WHO, "found", null, ItemStatus.NEW.name(),
                    "image " + imageId + ": " + item.kind().rddCode() + ", grade " + item.grade()));
            for (Sighting s : damage.sightings()) {
                detections.insert(c, ags, imageId, detection(found.get(s), position, at), itemId);
            }
        }
        for (Map.Entry<KnownItem, List<Sighting>> entry : outcome.seenAgain().entrySet()) {
            MaintenanceItem item = stored.get(entry.getKey().id());
            List<Finding> findings = entry.getValue().stream().map(Sighting::finding).toList();
            ItemStatus next = Workflow.next(item.status(), new ItemAction.SeenAgain());
            change(c, ags, item, next, "seen-again", seen, "image " + imageId);
            items.sighted(c, ags, item.id(), grade(findings), largestPothole(findings), confidence(findings), seen);
            for (Sighting s : entry.getValue()) {
                detections.insert(c, ags, imageId, detection(found.get(s), position, at), item.id());
            }
        }
        for (KnownItem notSeen : outcome.notSeenAgain()) {
            MaintenanceItem item = stored.get(notSeen.id());
            ItemStatus next = Workflow.next(item.status(), new ItemAction.NotSeenAgain());
            change(c, ags, item, next, "not-seen-again", seen, "image " + imageId);
        }
        return new Recorded(imageId, frame.damage().size(), 0, outcome.newDamage().size(), outcome.seenAgain().size());
    }

    private void change(Connection c, String ags, MaintenanceItem item, ItemStatus next, String action, Instant at,
                        String detail) throws SQLException {
        boolean changed = next != item.status();
        if (changed) {
            items.status(c, ags, item.id(), next);
        }
        history.record(c, ags, item.id(), new ItemEvent(at, WHO, action, changed ? item.status().name() : null,
                changed ? next.name() : null, detail));
    }

    private static Detection detection(FoundDamage damage, GeoPoint position, Snapped at) {
        Finding f = damage.finding();
        return new Detection(0, 0, f.kind(), f.areaSquareMetres(), f.confidence(), position.latitude(),
                position.longitude(), at == null ? null : at.segment().id(), at == null ? null : at.section(),
                at == null ? null : at.offsetMetres(), damage.x(), damage.y(), damage.width(), damage.height(), null);
    }

    private ConditionGrade grade(List<Finding> findings) {
        return SectionCondition.of(SECTION_SQUARE_METRES, findings, grading).grade();
    }

    /** A pothole item is a pothole; a crack item takes the sub-type of its largest crack. */
    private static DamageKind kind(List<Finding> findings) {
        Finding largest = findings.get(0);
        for (Finding f : findings) {
            if (f.areaSquareMetres() > largest.areaSquareMetres()) {
                largest = f;
            }
        }
        return largest.kind();
    }

    private static double largestPothole(List<Finding> findings) {
        return findings.stream().filter(f -> f.kind() == DamageKind.POTHOLE)
                .mapToDouble(Finding::areaSquareMetres).max().orElse(0);
    }

    private static double confidence(List<Finding> findings) {
        return findings.stream().mapToDouble(Finding::confidence).max().orElse(0);
    }
}
