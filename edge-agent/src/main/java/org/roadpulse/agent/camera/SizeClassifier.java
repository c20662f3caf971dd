package org.roadpulse.agent.camera;

import org.roadpulse.protocol.VehicleClass;

/**
 * Classes a vehicle by its length into the 2+1 scheme, as length-measuring detectors do: from {@code truckFromMetres}
 * truck-like, shorter car-like. The length is the vehicle's extent along its direction of travel in the frame where it
 * crossed the line, divided by the installation's calibration (pixels per metre at the line, from two reference marks
 * a known distance apart). Without a calibration every vehicle is "not classifiable".
 */
public final class SizeClassifier {

    private final Double pixelsPerMetre;
    private final double truckFromMetres;

    public SizeClassifier(Double pixelsPerMetre, double truckFromMetres) {
        if (pixelsPerMetre != null && !(pixelsPerMetre > 0)) {
            throw new IllegalArgumentException("pixels per metre must be positive, not " + pixelsPerMetre);
        }
        this.pixelsPerMetre = pixelsPerMetre;
        this.truckFromMetres = truckFromMetres;
    }

    /** Pixels per metre from two reference points a known distance apart in the frame. */
    public static double calibrate(double x1, double y1, double x2, double y2, double metres) {
        return Math.hypot(x2 - x1, y2 - y1) / metres;
    }

    public VehicleClass classify(Box box, double velocityX, double velocityY) {
        if (pixelsPerMetre == null) {
            return VehicleClass.NK_KFZ;
        }
        return lengthMetres(box, velocityX, velocityY) >= truckFromMetres ? VehicleClass.LKW_AEHNLICH
                : VehicleClass.PKW_AEHNLICH;
    }

    /** The box's extent along the direction of travel, in metres (its height when it does not move). */
    public double lengthMetres(Box box, double velocityX, double velocityY) {
        double speed = Math.hypot(velocityX, velocityY);
        double ux = speed == 0 ? 0 : velocityX / speed;
        double uy = speed == 0 ? 1 : velocityY / speed;
        double extent = Math.abs(ux) * box.width() + Math.abs(uy) * box.height();
        return extent / (pixelsPerMetre == null ? 1 : pixelsPerMetre);
    }
}
