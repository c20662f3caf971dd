package org.roadpulse.ingest.flow;

import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.protocol.Direction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the standard figures (DTV, DTVw, DTV_SV, SV-Anteil, MSV, peak hour, day and night, speeds) of a site from
 * its devices' day rows, following the rules in docs/flow-history.md: means over complete days, the MSV over complete
 * hours, local days of 23 to 25 hours. Several devices on one direction add their vehicles; that direction's measured
 * time is the best-covered device's.
 */
public final class FigureCalculator {

    /** The MSV is the 30th-highest hourly volume. */
    static final int MSV_RANK = 30;
    private static final long HOUR_SECONDS = 3600;

    private FigureCalculator() {
    }

    public static List<StandardFigures> figures(MeasurementSite site, Period period, Split split, List<DayRow> rows) {
        return figures(site, period, new LocalDays(period), split, rows);
    }

    /** The same, with the period's days worked out once for many sites. */
    public static List<StandardFigures> figures(MeasurementSite site, Period period, LocalDays localDays, Split split,
                                                List<DayRow> rows) {
        Map<LocalDate, Map<Direction, List<DayRow>>> byDay = new HashMap<>();
        for (DayRow row : rows) {
            byDay.computeIfAbsent(row.day(), d -> new EnumMap<>(Direction.class))
                    .computeIfAbsent(row.direction(), d -> new ArrayList<>(1)).add(row);
        }
        PublicHolidays holidays = new PublicHolidays(site.stateKey());
        List<StandardFigures> figures = new ArrayList<>();
        if (split == Split.CROSS_SECTION) {
            figures.add(view(site, null, site.directions(), period, localDays, byDay, holidays));
        } else {
            for (Direction direction : site.directions()) {
                figures.add(view(site, direction, Set.of(direction), period, localDays, byDay, holidays));
            }
        }
        return figures;
    }

    private static StandardFigures view(MeasurementSite site, Direction direction, Set<Direction> directions,
                                        Period period, LocalDays localDays,
                                        Map<LocalDate, Map<Direction, List<DayRow>>> byDay,
                                        PublicHolidays holidays) {
        Means all = new Means();
        Means workdays = new Means();
        Means day = new Means();
        Means night = new Means();
        Means peak = new Means();
        Map<Integer, Integer> peakHours = new HashMap<>();
        HourVolumes completeHours = new HourVolumes();
        CountSums speeds = new CountSums();
        long measured = 0;
        long expected = 0;
        boolean withHours = true;
        int days = 0;

        for (LocalDays.Day localDay : localDays.days()) {
            days++;
            LocalDate date = localDay.date();
            int hours = localDay.hours();
            expected += hours * HOUR_SECONDS * directions.size();
            Map<Direction, List<DayRow>> rows = byDay.getOrDefault(date, Map.of());

            SiteDay siteDay = new SiteDay(hours);
            for (Direction d : directions) {
                List<DayRow> directionRows = rows.getOrDefault(d, List.of());
                directionRows.forEach(row -> speeds.add(row.sums()));
                siteDay.add(directionRows);
            }
            measured += siteDay.measured;
            withHours &= siteDay.hourVolume != null; // null once a row came without hours (figures=means)
            if (siteDay.hourVolume != null) {
                for (int h = 0; h < hours; h++) {
                    if (siteDay.hourComplete[h]) {
                        completeHours.add(siteDay.hourVolume[h]);
                    }
                }
            }
            if (!siteDay.complete) {
                continue;
            }
            all.add(siteDay.total, siteDay.heavy);
            if (holidays.isWorkday(date)) {
                workdays.add(siteDay.total, siteDay.heavy);
            }
            day.add(siteDay.dayTotal, siteDay.dayHeavy);
            night.add(siteDay.total - siteDay.dayTotal, siteDay.heavy - siteDay.dayHeavy);
            if (siteDay.hourVolume != null && siteDay.total > 0) {
                int busiest = siteDay.busiestHour();
                peak.add(siteDay.hourVolume[busiest], 0);
                peak.addShare(100.0 * siteDay.hourVolume[busiest] / siteDay.total);
                peakHours.merge(localDay.localHour(busiest), 1, Integer::sum);
            }
        }

        return new StandardFigures(site.id(), direction, period, days, all.days, workdays.days,
                all.mean(), workdays.mean(), all.meanHeavy(), all.heavyShare(),
                withHours ? completeHours.rank(MSV_RANK) : null,
                new StandardFigures.PeakHour(peak.mean(), peak.meanShare(), mostFrequent(peakHours)),
                new StandardFigures.DayNight(day.mean(), day.heavyShare(), night.mean(), night.heavyShare()),
                new StandardFigures.Speed(speeds.meanSpeedKmh(), speeds.speedPercentileKmh(0.5),
                        speeds.speedPercentileKmh(0.85), speeds.sharePercentAbove(site.speedLimitKmh())),
                new Completeness(measured, expected));
    }

    /** One local day of the directions a figure covers, from their devices' rows. */
    private static final class SiteDay {
        final int hours;
        boolean complete = true;
        long measured;
        long total;
        long heavy;
        long dayTotal;
        long dayHeavy;
        long[] hourVolume;
        boolean[] hourComplete;

        SiteDay(int hours) {
            this.hours = hours;
            this.hourVolume = new long[hours];
            this.hourComplete = new boolean[hours];
            Arrays.fill(hourComplete, true);
        }

        void add(List<DayRow> rows) {
            boolean directionComplete = false;
            long directionMeasured = 0;
            long[] best = hourVolume == null ? null : new long[hours];
            for (DayRow row : rows) {
                total += row.sums().total();
                heavy += row.sums().heavy();
                dayTotal += row.dayTotal();
                dayHeavy += row.dayHeavy();
                directionComplete |= row.complete();
                directionMeasured = Math.max(directionMeasured, Math.min(row.measuredSeconds(), hours * HOUR_SECONDS));
                if (!row.hasHours()) {
                    hourVolume = null;
                    best = null;
                }
                if (best != null) {
                    for (int h = 0; h < hours && h < row.hourTotals().length; h++) {
                        hourVolume[h] += row.hourTotals()[h];
                        best[h] = Math.max(best[h], Math.min(HOUR_SECONDS, row.hourMeasured()[h]));
                    }
                }
            }
            complete &= directionComplete;
            if (best != null) {
                directionMeasured = 0;
                for (int h = 0; h < hours; h++) {
                    directionMeasured += best[h];
                    hourComplete[h] &= best[h] >= HOUR_SECONDS;
                }
            }
            measured += directionMeasured;
        }

        int busiestHour() {
            int busiest = 0;
            for (int h = 1; h < hours; h++) {
                if (hourVolume[h] > hourVolume[busiest]) {
                    busiest = h;
                }
            }
            return busiest;
        }
    }

    private static Integer mostFrequent(Map<Integer, Integer> counts) {
        Integer best = null; // ties go to the earlier hour of day
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            if (best == null || entry.getValue() > counts.get(best)
                    || (entry.getValue().equals(counts.get(best)) && entry.getKey() < best)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    /** Volumes of complete hours, for the MSV. */
    private static final class HourVolumes {
        private long[] volumes = new long[1024];
        private int size;

        void add(long volume) {
            if (size == volumes.length) {
                volumes = Arrays.copyOf(volumes, size * 2);
            }
            volumes[size++] = volume;
        }

        /** The {@code rank}-th highest, or null with fewer hours. */
        Long rank(int rank) {
            if (size < rank) {
                return null;
            }
            long[] sorted = Arrays.copyOf(volumes, size);
            Arrays.sort(sorted);
            return sorted[size - rank];
        }
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
