package org.roadpulse.ingest.flow;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.protocol.Direction;

import java.time.LocalDate;

/**
 * What one device counted in one direction on one local day (23, 24 or 25 hours).
 *
 * @param measuredSeconds seconds of the day its intervals covered
 * @param completeHours   hours of the day it measured completely
 * @param dayTotal        vehicles 06:00–22:00 local (RLS-19's day); the night is the rest
 * @param hourTotals      vehicles per hour in order (index 0 = the hour from local midnight); null when the query
 *                        did not ask for hours (no MSV or peak hour then), as are the two arrays after it
 */
public record DayRow(String device, LocalDate day, Direction direction, int hours, long measuredSeconds,
                     int completeHours, CountSums sums, long dayTotal, long dayHeavy,
                     @Nullable long[] hourTotals, @Nullable long[] hourHeavy, @Nullable long[] hourMeasured) {

    public boolean complete() {
        return completeHours >= hours;
    }

    public boolean hasHours() {
        return hourTotals != null;
    }
}
