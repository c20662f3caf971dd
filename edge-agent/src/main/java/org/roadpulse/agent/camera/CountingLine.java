package org.roadpulse.agent.camera;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A counting line from {@code a} to {@code b} at any angle, counting each track at most once, when its centre moves
 * from one side of the line to the other. Around the line lies a band of {@code band} pixels in which a track's side
 * is not decided: a centre that jitters across the line in stop-and-go traffic stays in the band and never counts,
 * and a vehicle counts only in the direction it really left the band towards. A crossing outside the segment's
 * extent (the projection of the centre beyond {@code a} or {@code b}) is not counted, nor one against the track's
 * own travel (from where it was first seen), which a blob jumping between two vehicles can fake. One vehicle whose
 * blob broke into two tracks would count twice: a second crossing in the same direction within
 * {@code mergeFrames} frames, at a place along the line that overlaps the first one's, is taken as the same vehicle.
 */
public final class CountingLine {

    private final String name;
    private final double ax;
    private final double ay;
    private final double dx;
    private final double dy;
    private final double length;
    private final double halfBand;
    private final String positive;
    private final String negative;
    /** Per track: the side (+1 or -1) it was last seen on outside the band; absent until it left the band once. */
    private final Map<Long, Integer> sides = new HashMap<>();
    private final Map<Long, Boolean> counted = new HashMap<>();
    private final List<LineCrossing> recent = new ArrayList<>();
    private long mergeFrames;

    /**
     * @param positive the direction's name for crossing towards the side left of a → b in image coordinates, i.e.
     *                 where {@code (b - a) × (p - a) > 0} (for a → b pointing right, that is downwards)
     */
    public CountingLine(String name, double ax, double ay, double bx, double by, double band, String positive,
                        String negative) {
        this.name = name;
        this.ax = ax;
        this.ay = ay;
        this.dx = bx - ax;
        this.dy = by - ay;
        this.length = Math.hypot(dx, dy);
        if (length == 0) {
            throw new IllegalArgumentException("counting line " + name + " has no length");
        }
        this.halfBand = band / 2;
        this.positive = positive;
        this.negative = negative;
    }

    /** A horizontal line at row {@code y} from column {@code x0} to {@code x1}: "down" and "up". */
    public static CountingLine horizontal(String name, double y, double x0, double x1, double band) {
        return new CountingLine(name, x0, y, x1, y, band, "down", "up");
    }

    /** A vertical line at column {@code x} from row {@code y0} to {@code y1}: "left→right" and "right→left". */
    public static CountingLine vertical(String name, double x, double y0, double y1, double band) {
        return new CountingLine(name, x, y1, x, y0, band, "left→right", "right→left");
    }

    public String name() {
        return name;
    }

    public List<String> directions() {
        return List.of(positive, negative);
    }

    /** Crossings this close in time (frames) and place count once; 0 (the default) merges none. */
    public CountingLine mergingWithin(long frames) {
        this.mergeFrames = frames;
        return this;
    }

    /** Feeds the tracks alive after a frame; returns the crossings completed in it. */
    public List<LineCrossing> update(long frame, List<TrackedVehicle> tracks, int minFramesSeen) {
        List<LineCrossing> crossings = new ArrayList<>();
        for (TrackedVehicle track : tracks) {
            if (track.framesMissing() > 0) {
                continue; // a coasting track's position is a guess: decide on seen positions only
            }
            double px = track.box().centreX() - ax;
            double py = track.box().centreY() - ay;
            double distance = (dx * py - dy * px) / length;
            if (Math.abs(distance) <= halfBand) {
                continue;
            }
            int side = distance > 0 ? 1 : -1;
            Integer before = sides.put(track.id(), side);
            boolean alongSegment = withinSegment(px, py);
            if (before != null && before != side && alongSegment && track.framesSeen() >= minFramesSeen
                    && !counted.getOrDefault(track.id(), false) && travelledTowards(track, side)) {
                counted.put(track.id(), true);
                LineCrossing crossing = new LineCrossing(frame, side > 0 ? positive : negative, track.box(), track);
                if (!sameVehicleAsRecent(crossing)) {
                    crossings.add(crossing);
                }
                recent.add(crossing);
            }
        }
        return crossings;
    }

    /** Where the box's centre lies along the line: 0 at {@code a}, 1 at {@code b}. */
    public double along(Box box) {
        return ((box.centreX() - ax) * dx + (box.centreY() - ay) * dy) / (length * length);
    }

    /** Drops what it remembers of tracks that are gone. */
    public void forgetAllBut(Set<Long> alive) {
        sides.keySet().retainAll(alive);
        counted.keySet().retainAll(alive);
    }

    /** The track has moved, since it was first seen, towards the side it now crossed to. */
    private boolean travelledTowards(TrackedVehicle track, int side) {
        double mx = track.box().centreX() - track.first().centreX();
        double my = track.box().centreY() - track.first().centreY();
        return side * (dx * my - dy * mx) / length > 0;
    }

    private boolean sameVehicleAsRecent(LineCrossing crossing) {
        recent.removeIf(r -> crossing.frame() - r.frame() > mergeFrames);
        for (LineCrossing r : recent) {
            if (r.direction().equals(crossing.direction()) && overlapAlongLine(r.at(), crossing.at())) {
                return true;
            }
        }
        return false;
    }

    private boolean overlapAlongLine(Box one, Box other) {
        double[] a = extentAlongLine(one);
        double[] b = extentAlongLine(other);
        double overlap = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
        return overlap > 0.5 * Math.min(a[1] - a[0], b[1] - b[0]);
    }

    /** The box's corners projected onto the line: its extent along it, in pixels. */
    private double[] extentAlongLine(Box box) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] corner : new double[][] {{box.x(), box.y()}, {box.x() + box.width(), box.y()},
                {box.x(), box.y() + box.height()}, {box.x() + box.width(), box.y() + box.height()}}) {
            double t = ((corner[0] - ax) * dx + (corner[1] - ay) * dy) / length;
            low = Math.min(low, t);
            high = Math.max(high, t);
        }
        return new double[] {low, high};
    }

    private boolean withinSegment(double px, double py) {
        double t = (px * dx + py * dy) / (length * length);
        return t >= 0 && t <= 1;
    }
}
