package org.roadpulse.roadai.maintenance;

/**
 * A condition grade on the German ZEB scale: 1.0 (very good) to 5.0 (very poor), with the scale's three marks.
 * Grades are rounded to one decimal, as ZEB reports them.
 */
public record ConditionGrade(double value) implements Comparable<ConditionGrade> {

    public static final ConditionGrade BEST = new ConditionGrade(1.0);
    public static final ConditionGrade WORST = new ConditionGrade(5.0);
    /** Zielwert: what a well-kept road reaches. */
    public static final double TARGET = 1.5;
    /** Warnwert: watch it, plan for it. */
    public static final double WARNING = 3.5;
    /** Schwellenwert: action required. */
    public static final double THRESHOLD = 4.5;

    public ConditionGrade {
        if (Double.isNaN(value) || value < 1.0 || value > 5.0) {
            throw new IllegalArgumentException("a ZEB grade lies between 1.0 and 5.0, not " + value);
        }
        value = Math.round(value * 10) / 10.0;
    }

    /** Clamps into the scale. */
    public static ConditionGrade clamped(double value) {
        return new ConditionGrade(Math.max(1.0, Math.min(5.0, value)));
    }

    public boolean reachesWarning() {
        return value >= WARNING;
    }

    public boolean reachesThreshold() {
        return value >= THRESHOLD;
    }

    public ConditionGrade worse(ConditionGrade other) {
        return other.value > value ? other : this;
    }

    @Override
    public int compareTo(ConditionGrade other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
