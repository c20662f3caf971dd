package org.roadpulse.ingest.flow;

/**
 * How much of a period was measured: a missing interval is not a zero, so every figure carries this.
 *
 * @param measuredSeconds seconds covered by stored intervals, summed over the directions the figure covers
 * @param expectedSeconds the period's length times those directions
 */
public record Completeness(long measuredSeconds, long expectedSeconds) {

    public static final Completeness NONE = new Completeness(0, 0);

    /** Measured share, 0.0 to 1.0. */
    public double ratio() {
        return expectedSeconds <= 0 ? 0.0 : Math.min(1.0, (double) measuredSeconds / expectedSeconds);
    }

    /** Every expected interval was measured. */
    public boolean complete() {
        return expectedSeconds > 0 && measuredSeconds >= expectedSeconds;
    }

    public Completeness plus(Completeness other) {
        return new Completeness(measuredSeconds + other.measuredSeconds, expectedSeconds + other.expectedSeconds);
    }
}
