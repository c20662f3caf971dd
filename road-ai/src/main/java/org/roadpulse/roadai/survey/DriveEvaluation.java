package org.roadpulse.roadai.survey;

import org.roadpulse.roadai.maintenance.ConditionGrade;
import org.roadpulse.roadai.maintenance.DamageKind;
import org.roadpulse.roadai.maintenance.DriveReconciliation;
import org.roadpulse.roadai.maintenance.Finding;
import org.roadpulse.roadai.maintenance.GradingRules;
import org.roadpulse.roadai.maintenance.Priority;
import org.roadpulse.roadai.maintenance.PriorityInputs;
import org.roadpulse.roadai.maintenance.PriorityRules;
import org.roadpulse.roadai.maintenance.SectionCondition;
import org.roadpulse.roadai.maintenance.Sighting;
import org.roadpulse.roadai.maintenance.Traffic;
import org.roadpulse.roadai.roads.GeoPoint;
import org.roadpulse.roadai.roads.RoadClass;
import org.roadpulse.roadai.roads.RoadNetwork;
import org.roadpulse.roadai.roads.RoadSegment;
import org.roadpulse.roadai.roads.Snapped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores the whole path from frames to a ranked maintenance list (issue #5, item 7). The frames become one drive
 * along a generated straight road, {@link #FRAME_SPACING_METRES} apart and a few metres off its centre line, so
 * that each frame's damage is its own item (sightings join items within one 10-m section only). Each position is
 * snapped back onto the road, the sightings are reconciled into items, graded and ranked; the truth per frame comes
 * from its masks.
 */
public final class DriveEvaluation {

    /** Far enough apart that neighbouring frames' damage never merges into one item. */
    public static final double FRAME_SPACING_METRES = 30;
    /** Surface of one 10-m section of a two-lane road. */
    private static final double SECTION_SURFACE = RoadNetwork.SECTION_METRES * 7;
    private static final GeoPoint START = new GeoPoint(49.4836, 7.0383); // Tholey, Metzer Straße
    private static final String ROAD = "evaluation-drive";
    private static final String THOLEY = "10046118";

    /** A mapped frame with what its masks say is there. */
    public record SurveyedFrame(String name, List<Finding> findings, boolean truePothole, boolean trueCrack) {
    }

    /** An item of the ranked list, with the frame it came from and whether the masks agree with it. */
    public record RankedItem(int rank, String frame, boolean pothole, ConditionGrade grade, Priority priority,
                             boolean correct) {
    }

    /**
     * @param potholeRecall share of the frames with a pothole in their mask that got a pothole item
     * @param precisionAt10 share of the first ten items (or all, when fewer) whose kind the frame's mask confirms
     */
    public record Result(List<RankedItem> list, int potholeFrames, int potholeFramesFound, double potholeRecall,
                         double precisionAt10) {
    }

    private DriveEvaluation() {
    }

    public static Result evaluate(List<SurveyedFrame> frames, GradingRules grading, PriorityRules priorities,
                                  RoadClass roadClass, Instant now) {
        RoadSegment road = straightRoad(frames.size(), roadClass);
        RoadNetwork network = new RoadNetwork(List.of(road));
        List<Sighting> sightings = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            GeoPoint onRoad = network.positionAt(road, (i + 0.5) * FRAME_SPACING_METRES);
            GeoPoint vehicle = new GeoPoint(onRoad.latitude() + 3 / 111_195.0, onRoad.longitude()); // 3 m off centre
            Snapped snapped = network.snap(vehicle, 15).orElseThrow();
            for (Finding finding : frames.get(i).findings()) {
                sightings.add(new Sighting(road.id(), snapped.section(), finding, frames.get(i).name()));
            }
        }
        DriveReconciliation.Outcome outcome = DriveReconciliation.reconcile(List.of(), sightings, Set.of());
        List<RankedItem> unranked = new ArrayList<>();
        for (DriveReconciliation.NewDamage damage : outcome.newDamage()) {
            List<Finding> findings = damage.sightings().stream().map(Sighting::finding).toList();
            ConditionGrade grade = SectionCondition.of(SECTION_SURFACE, findings, grading).grade();
            double largestPothole = findings.stream().filter(f -> f.kind() == DamageKind.POTHOLE)
                    .mapToDouble(Finding::areaSquareMetres).max().orElse(0);
            double certainty = findings.stream().mapToDouble(Finding::confidence).max().orElse(0);
            Priority priority = priorities.assess(new PriorityInputs(grade, largestPothole,
                    Traffic.assumedFor(roadClass), roadClass, now, certainty), now);
            String frameName = damage.sightings().get(0).imageId();
            SurveyedFrame frame = frames.stream().filter(f -> f.name().equals(frameName)).findFirst().orElseThrow();
            boolean correct = damage.crack() ? frame.trueCrack() : frame.truePothole();
            unranked.add(new RankedItem(0, frameName, !damage.crack(), grade, priority, correct));
        }
        unranked.sort(Comparator.comparing(RankedItem::priority, Priority.MOST_URGENT_FIRST));
        List<RankedItem> list = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            RankedItem item = unranked.get(i);
            list.add(new RankedItem(i + 1, item.frame(), item.pothole(), item.grade(), item.priority(),
                    item.correct()));
        }
        Set<String> framesWithPotholeItem = new HashSet<>();
        list.stream().filter(RankedItem::pothole).forEach(item -> framesWithPotholeItem.add(item.frame()));
        int potholeFrames = (int) frames.stream().filter(SurveyedFrame::truePothole).count();
        int found = (int) frames.stream().filter(SurveyedFrame::truePothole)
                .filter(f -> framesWithPotholeItem.contains(f.name())).count();
        int top = Math.min(10, list.size());
        long correctTop = list.stream().limit(top).filter(RankedItem::correct).count();
        return new Result(list, potholeFrames, found, potholeFrames == 0 ? Double.NaN : (double) found / potholeFrames,
                top == 0 ? Double.NaN : (double) correctTop / top);
    }

    private static RoadSegment straightRoad(int frames, RoadClass roadClass) {
        double lengthMetres = (frames + 1) * FRAME_SPACING_METRES;
        double degreesEast = lengthMetres / (111_195.0 * Math.cos(Math.toRadians(START.latitude())));
        return new RoadSegment(ROAD, "generated evaluation road", roadClass, "10046118", null,
                List.of(START, new GeoPoint(START.latitude(), START.longitude() + degreesEast)));
    }
}
