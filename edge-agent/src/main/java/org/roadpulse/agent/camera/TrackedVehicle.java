package org.roadpulse.agent.camera;

/**
 * A moving object followed from frame to frame: where it was last seen, how fast its centre moves (pixels per frame,
 * smoothed), and for how many frames it has been missing.
 */
public final class TrackedVehicle {

    /** Weight of the newest motion in the smoothed velocity. */
    private static final double VELOCITY_GAIN = 0.5;

    private final long id;
    private final Box first;
    private Box box;
    private double vx;
    private double vy;
    private int seen = 1;
    private int missing;
    private double largestArea;

    TrackedVehicle(long id, Box box) {
        this.id = id;
        this.first = box;
        this.box = box;
        this.largestArea = box.area();
    }

    public long id() {
        return id;
    }

    public Box box() {
        return box;
    }

    /** Where it was first seen. */
    public Box first() {
        return first;
    }

    /** Where it should be in the next frame if it keeps its speed. */
    public Box predicted() {
        return box.shifted(vx * (missing + 1), vy * (missing + 1));
    }

    public int framesSeen() {
        return seen;
    }

    public int framesMissing() {
        return missing;
    }

    public double velocityX() {
        return vx;
    }

    public double velocityY() {
        return vy;
    }

    /** The largest box area it had: its size for classification, from the frame where it was seen whole. */
    public double largestArea() {
        return largestArea;
    }

    void seenAt(Box next) {
        double steps = missing + 1;
        double mx = (next.centreX() - box.centreX()) / steps;
        double my = (next.centreY() - box.centreY()) / steps;
        if (seen == 1) {
            vx = mx;
            vy = my;
        } else {
            vx += VELOCITY_GAIN * (mx - vx);
            vy += VELOCITY_GAIN * (my - vy);
        }
        box = next;
        seen++;
        missing = 0;
        largestArea = Math.max(largestArea, next.area());
    }

    /** Not found in this frame: it coasts on its velocity. */
    void missed() {
        missing++;
    }
}
