package org.roadpulse.ingest.flow;

import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.protocol.Direction;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the standard figures (DTV, DTVw, DTV_SV, SV-Anteil, MSV, peak hour, day and night, speeds) of a site from
 * its devices' day rows, following the rules in docs/flow-history.md: means over complete days, MSV over complete
 * hours, local days of 23 to 25 hours.
 */
public final class FigureCalculator {

    /** The MSV is the 30th-highest hourly volume. */
    static final int MSV_RANK = 30;
    private static final long HOUR_SECONDS = 3600;
    private static final int DAY_STARTS = 6;
    private static final int NIGHT_STARTS = 22;

    private FigureCalculator() {
    }

    public static List<StandardFigures> figures(MeasurementSite site, Period period, Split split, List<DayRow> rows) {
        Map<LocalDate, Map<Direction, List<DayRow>>> byDay = new HashMap<>();
        for (DayRow row : rows) {
            byDay.computeIfAbsent(row.day(), d -> new EnumMap<>(Direction.class))
                    .computeIfAbsent(row.direction(), d -> new ArrayList<>()).add(row);
        }
        PublicHolidays holidays = new PublicHolidays(site.stateKey());
        List<StandardFigures> figures = new ArrayList<>();
        if (split == Split.CROSS_SECTION) {
            figures.add(view(site, null, site.directions(), period, byDay, holidays));
        } else {
            for (Direction direction : site.directions()) {
                figures.add(view(site, direction, Set.of(direction), period, byDay, holidays));
            }
        }
        return figures;
    }

    private static StandardFigures view(MeasurementSite site, Direction direction, Set<Direction> directions,
                                        Period period, Map<LocalDate, Map<Direction, List<DayRow>>> byDay,
                                        PublicHolidays holidays) {
        ZoneId zone = period.zone();
        Means all = new Means();
        Means workdays = new Means();
        Means peak = new Means();
        Means day = new Means();
        Means night = new Means();
        Map<Integer, Integer> peakHours = new HashMap<>();
        List<Long> completeHours = new ArrayList<>();
        CountSums speeds = new CountSums();
        long measured = 0;
        long expected = 0;
        int days = 0;

        for (LocalDate date : period.days()) {
            days++;
            ZonedDateTime midnight = date.atStartOfDay(zone);
            int hours = (int) Duration.between(midnight, date.plusDays(1).atStartOfDay(zone)).toHours();
            expected += hours * HOUR_SECONDS * directions.size();
            Map<Direction, List<DayRow>> rows = byDay.getOrDefault(date, Map.of());

            long[] volume = new long[hours];
            long[] heavy = new long[hours];
            boolean[] complete = new boolean[hours];
            Arrays.fill(complete, true);
            for (Direction d : directions) {
                long[] best = new long[hours];
                for (DayRow row : rows.getOrDefault(d, List.of())) {
                    speeds.add(row.sums());
                    for (int h = 0; h < hours && h < row.hourTotals().length; h++) {
                        volume[h] += row.hourTotals()[h];
                        heavy[h] += row.hourHeavy()[h];
                        best[h] = Math.max(best[h], Math.min(HOUR_SECONDS, row.hourMeasured()[h]));
                    }
                }
                for (int h = 0; h < hours; h++) {
                    measured += best[h];
                    complete[h] &= best[h] >= HOUR_SECONDS;
                }
            }

            boolean dayComplete = true;
            for (int h = 0; h < hours; h++) {
                if (complete[h]) {
                    completeHours.add(volume[h]);
                } else {
                    dayComplete = false;
                }
            }
            if (!dayComplete) {
                continue;
            }
            long total = 0;
            long totalHeavy = 0;
            long dayVolume = 0;
            long dayHeavy = 0;
            int peakIndex = 0;
            for (int h = 0; h < hours; h++) {
                total += volume[h];
                totalHeavy += heavy[h];
                int localHour = midnight.plusHours(h).getHour();
                if (localHour >= DAY_STARTS && localHour < NIGHT_STARTS) {
                    dayVolume += volume[h];
                    dayHeavy += heavy[h];
                }
                if (volume[h] > volume[peakIndex]) {
                    peakIndex = h;
                }
            }
            all.add(total, totalHeavy);
            if (holidays.isWorkday(date)) {
                workdays.add(total, totalHeavy);
            }
            day.add(dayVolume, dayHeavy);
            night.add(total - dayVolume, totalHeavy - dayHeavy);
            if (total > 0) {
                peak.add(volume[peakIndex], 0);
                peak.addShare(100.0 * volume[peakIndex] / total);
                peakHours.merge(midnight.plusHours(peakIndex).getHour(), 1, Integer::sum);
            }
        }

        return new StandardFigures(site.id(), direction, period, days, all.days, workdays.days,
                all.mean(), workdays.mean(), all.meanHeavy(), all.heavyShare(), msv(completeHours),
                new StandardFigures.PeakHour(peak.mean(), peak.meanShare(), mostFrequent(peakHours)),
                new StandardFigures.DayNight(day.mean(), day.heavyShare(), night.mean(), night.heavyShare()),
                new StandardFigures.Speed(speeds.meanSpeedKmh(), speeds.speedPercentileKmh(0.5),
                        speeds.speedPercentileKmh(0.85), speeds.sharePercentAbove(site.speedLimitKmh())),
                new Completeness(measured, expected));
    }

    private static Long msv(List<Long> hourVolumes) {
        if (hourVolumes.size() < MSV_RANK) {
            return null;
        }
        hourVolumes.sort(Collections.reverseOrder());
        return hourVolumes.get(MSV_RANK - 1);
    }

    private static Integer mostFrequent(Map<Integer, Integer> counts) {
        // Ties go to the earlier hour of day.
        Integer best = null;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            if (best == null || entry.getValue() > counts.get(best)
                    || (entry.getValue().equals(counts.get(best)) && entry.getKey() < best)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    /** Running means over complete days. */
    private static final class Means {
        int days;
        long vehicles;
        long heavy;
        double shares;

        void add(long dayVehicles, long dayHeavy) {
            days++;
            vehicles += dayVehicles;
            heavy += dayHeavy;
        }

        void addShare(double share) {
            shares += share;
        }

        Double mean() {
            return days == 0 ? null : (double) vehicles / days;
        }

        Double meanHeavy() {
            return days == 0 ? null : (double) heavy / days;
        }

        Double heavyShare() {
            return vehicles == 0 ? null : 100.0 * heavy / vehicles;
        }

        Double meanShare() {
            return days == 0 ? null : shares / days;
        }
    }
}
