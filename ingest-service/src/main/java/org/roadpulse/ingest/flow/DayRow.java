package org.roadpulse.ingest.flow;

import org.roadpulse.protocol.Direction;

import java.time.LocalDate;

/**
 * What one device counted in one direction on one local day, with the day's hours in order (index 0 = the hour
 * from local midnight; 23, 24 or 25 of them).
 *
 * @param hourMeasured seconds of each hour its intervals covered
 */
public record DayRow(String device, LocalDate day, Direction direction, CountSums sums,
                     long[] hourTotals, long[] hourHeavy, long[] hourMeasured) {
}
