package org.roadpulse.agent.camera;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Follows moving objects across frames. Each frame's detections are matched to the tracks' predicted boxes (constant
 * velocity), best pairs first: a pair matches when the boxes overlap enough or the detection's centre lies close to
 * the prediction. Unmatched detections start tracks; a track survives {@code maxMissing} frames without a match
 * (a short occlusion), coasting on its velocity.
 */
public final class Tracker {

    private final int maxMissing;
    private final double minIou;
    private final double maxCentreDistance;
    private final List<TrackedVehicle> tracks = new ArrayList<>();
    private long nextId = 1;

    /**
     * @param maxCentreDistance how far (pixels) a detection's centre may lie from a prediction without overlap
     */
    public Tracker(int maxMissing, double minIou, double maxCentreDistance) {
        this.maxMissing = maxMissing;
        this.minIou = minIou;
        this.maxCentreDistance = maxCentreDistance;
    }

    private record Pair(TrackedVehicle track, int detection, double score) {
    }

    /** Takes one frame's detections; returns the tracks alive after it (seen in this frame or coasting). */
    public List<TrackedVehicle> update(List<Box> detections) {
        List<Pair> pairs = new ArrayList<>();
        for (TrackedVehicle track : tracks) {
            Box predicted = track.predicted();
            for (int d = 0; d < detections.size(); d++) {
                double score = score(predicted, detections.get(d));
                if (score > 0) {
                    pairs.add(new Pair(track, d, score));
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(b.score(), a.score()));
        List<TrackedVehicle> matchedTracks = new ArrayList<>();
        boolean[] used = new boolean[detections.size()];
        for (Pair pair : pairs) {
            if (!used[pair.detection()] && !matchedTracks.contains(pair.track())) {
                used[pair.detection()] = true;
                matchedTracks.add(pair.track());
                pair.track().seenAt(detections.get(pair.detection()));
            }
        }
        List<TrackedVehicle> lost = new ArrayList<>();
        for (TrackedVehicle track : tracks) {
            if (!matchedTracks.contains(track)) {
                track.missed();
                if (track.framesMissing() > maxMissing) {
                    lost.add(track);
                }
            }
        }
        tracks.removeAll(lost);
        for (int d = 0; d < detections.size(); d++) {
            if (!used[d]) {
                tracks.add(new TrackedVehicle(nextId++, detections.get(d)));
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(tracks));
    }

    /** 1 + IoU for overlapping boxes; below 1 (closer is higher) for near misses; 0 for no match. */
    private double score(Box predicted, Box detection) {
        double iou = predicted.iou(detection);
        if (iou >= minIou) {
            return 1 + iou;
        }
        double distance = Math.hypot(predicted.centreX() - detection.centreX(),
                predicted.centreY() - detection.centreY());
        return distance <= maxCentreDistance ? 1 - distance / (maxCentreDistance + 1) : 0;
    }
}
