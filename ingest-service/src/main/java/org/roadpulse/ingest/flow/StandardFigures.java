package org.roadpulse.ingest.flow;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.protocol.Direction;

/**
 * The standard figures of German traffic planning for one site (cross-section when {@code direction} is null)
 * over a period. Averages are over the complete days of the period (every interval of every direction measured);
 * a figure is null when the period has no complete day (hour, for the MSV) to take it from.
 *
 * @param dtv          DTV: mean vehicles per day
 * @param dtvw         DTVw: mean vehicles per workday (Monday to Friday, not a public holiday of the site's state)
 * @param dtvSv        DTV_SV: mean heavy vehicles per day
 * @param svShare      SV-Anteil: heavy vehicles in percent of all, over the complete days
 * @param msv          MSV: the 30th-highest hourly volume of the period's complete hours
 * @param peakHour     the daily peak hour: mean volume, mean share of the day, and the most frequent hour of day
 * @param dayNight     day (06–22) and night (22–06) means per day and their heavy shares
 * @param speed        mean speed, V85 and share above the site's limit, from the speed histograms
 * @param completeness measured seconds against expected seconds over the whole period
 */
public record StandardFigures(
        String siteId,
        @Nullable Direction direction,
        Period period,
        int days,
        int completeDays,
        int completeWorkdays,
        @Nullable Double dtv,
        @Nullable Double dtvw,
        @Nullable Double dtvSv,
        @Nullable Double svShare,
        @Nullable Long msv,
        PeakHour peakHour,
        DayNight dayNight,
        Speed speed,
        Completeness completeness) {

    /** True when every interval of the period was measured. */
    public boolean complete() {
        return completeness.complete();
    }

    /**
     * @param meanVolume      mean of each complete day's busiest hour
     * @param meanSharePercent mean of that hour's share of its day
     * @param typicalHour     the hour of day (0–23, local) that was most often the busiest
     */
    public record PeakHour(@Nullable Double meanVolume, @Nullable Double meanSharePercent, @Nullable Integer typicalHour) {
    }

    public record DayNight(@Nullable Double dayVolume, @Nullable Double daySvShare,
                           @Nullable Double nightVolume, @Nullable Double nightSvShare) {
    }

    /** @param aboveLimitPercent share of measured vehicles faster than the site's speed limit */
    public record Speed(@Nullable Double meanKmh, @Nullable Double v50Kmh, @Nullable Double v85Kmh,
                        @Nullable Double aboveLimitPercent) {
    }
}
