package org.roadpulse.agent.camera;

/** An axis-aligned rectangle in pixels of the processed frame (x to the right, y down). */
public record Box(double x, double y, double width, double height) {

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    public double area() {
        return width * height;
    }

    /** Intersection over union: 1 for the same box, 0 for boxes that do not touch. */
    public double iou(Box other) {
        double ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        double iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        double intersection = ix * iy;
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    public Box shifted(double dx, double dy) {
        return new Box(x + dx, y + dy, width, height);
    }
}
