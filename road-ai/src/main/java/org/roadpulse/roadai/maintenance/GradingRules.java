package org.roadpulse.roadai.maintenance;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How damaged surface turns into a ZEB grade, after the pattern of ZEB's normalisation functions: for each kind of
 * damage, the share of the section's surface at which the grade reaches the target value 1.5 and at which it reaches
 * the threshold value 4.5; in between and beyond, the grade follows the straight line through those two points
 * (from 1.0 for an undamaged surface, capped at 5.0). The anchors are this project's defaults, not ZEB's official
 * tables, which grade measured surface parameters rather than camera findings; municipalities can set their own.
 */
public final class GradingRules {

    /** The shares of surface (0–1) where a kind of damage reaches grade 1.5 and grade 4.5. */
    public record Anchors(double shareAtTarget, double shareAtThreshold) {
        public Anchors {
            if (!(shareAtTarget > 0 && shareAtThreshold > shareAtTarget && shareAtThreshold <= 1)) {
                throw new IllegalArgumentException("anchors need 0 < share at 1.5 < share at 4.5 <= 1, not "
                        + shareAtTarget + " and " + shareAtThreshold);
            }
        }
    }

    private final Map<DamageKind, Anchors> anchors;

    public GradingRules(Map<DamageKind, Anchors> anchors) {
        for (DamageKind kind : DamageKind.values()) {
            Objects.requireNonNull(anchors.get(kind), () -> "no grading anchors for " + kind);
        }
        this.anchors = new EnumMap<>(anchors);
    }

    /**
     * Potholes count most: a tenth of a percent of the surface is already past the target value. Alligator cracks
     * (the surface breaking up) weigh more than single longitudinal or transverse cracks.
     */
    public static GradingRules defaults() {
        Map<DamageKind, Anchors> anchors = new EnumMap<>(DamageKind.class);
        anchors.put(DamageKind.POTHOLE, new Anchors(0.001, 0.02));
        anchors.put(DamageKind.ALLIGATOR_CRACK, new Anchors(0.01, 0.15));
        anchors.put(DamageKind.LONGITUDINAL_CRACK, new Anchors(0.02, 0.25));
        anchors.put(DamageKind.TRANSVERSE_CRACK, new Anchors(0.02, 0.25));
        anchors.put(DamageKind.CRACK, new Anchors(0.02, 0.25));
        return new GradingRules(anchors);
    }

    /** The grade that this share (0–1) of damaged surface of one kind earns. */
    public ConditionGrade grade(DamageKind kind, double damagedShare) {
        if (!(damagedShare >= 0)) {
            throw new IllegalArgumentException("damaged share must not be negative: " + damagedShare);
        }
        Anchors a = anchors.get(kind);
        if (damagedShare <= a.shareAtTarget()) {
            return ConditionGrade.clamped(1.0 + 0.5 * damagedShare / a.shareAtTarget());
        }
        double slope = (ConditionGrade.THRESHOLD - ConditionGrade.TARGET) / (a.shareAtThreshold() - a.shareAtTarget());
        return ConditionGrade.clamped(ConditionGrade.TARGET + slope * (damagedShare - a.shareAtTarget()));
    }

    public Anchors anchors(DamageKind kind) {
        return anchors.get(kind);
    }
}
