package org.roadpulse.ingest.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The standard figures of a BASt hourly file computed straight from the CSV, as the reference the service's figures
 * must equal. Its own small parser and arithmetic, nothing of the agent or the service: it reads BASt's group
 * columns {@code KFZ} (all motor vehicles) and {@code Lkw} (heavy vehicles, Bus + LoA + Lzg) and BASt's own day type
 * {@code Fahrtzw}, where the agent sends the nine classes and the service decides workdays from its holiday table.
 *
 * <p>The rules are those of docs/flow-history.md, applied to the file:
 * <ul>
 *   <li>{@code Stunde} h is the local hour from h−1 to h (Europe/Berlin). The spring DST row for 02:00–03:00 names an
 *       hour that did not happen (BASt fills it with a flagged zero): it is not an hour.</li>
 *   <li>A day is complete when the file has every one of its local hours: 23 on the spring DST day, 25 on the autumn
 *       one. BASt's autumn day has 24 rows, one for the doubled 02:00–03:00, so that day is incomplete.</li>
 *   <li>DTV, DTV_SV: means over complete days; SV-Anteil: heavy over all vehicles of those days; DTVw: complete days
 *       with {@code Fahrtzw} w or u (workday, also in school holidays) and {@code Wotag} 1–5 (BASt's "w" includes
 *       Saturdays; public holidays are "s"). MSV: the 30th-highest hourly volume of the year.</li>
 * </ul>
 */
final class BastYearReference {

    /** Which directions a figure covers: the cross-section, or BASt's direction 1 or 2. */
    enum Side {
        BOTH, R1, R2
    }

    /** One hour of the file (the counts of both directions). */
    record Hour(LocalDate date, int kfzR1, int kfzR2, int lkwR1, int lkwR2) {
        long kfz(Side side) {
            return side == Side.R1 ? kfzR1 : side == Side.R2 ? kfzR2 : (long) kfzR1 + kfzR2;
        }

        long lkw(Side side) {
            return side == Side.R1 ? lkwR1 : side == Side.R2 ? lkwR2 : (long) lkwR1 + lkwR2;
        }
    }

    /** One local day: its hours in the file and BASt's day type. */
    record Day(LocalDate date, String dayType, int weekday, int hoursInDay, List<Hour> hours) {
        boolean complete() {
            return hours.size() == hoursInDay;
        }

        boolean workday() {
            return (dayType.equals("w") || dayType.equals("u")) && weekday <= 5;
        }

        long sum(ToLongFunction<Hour> value) {
            return hours.stream().mapToLong(value).sum();
        }
    }

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final int MSV_RANK = 30;

    private final Map<LocalDate, Day> days;
    private final List<Hour> hours;

    private BastYearReference(Map<LocalDate, Day> days, List<Hour> hours) {
        this.days = days;
        this.hours = hours;
    }

    static BastYearReference read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        Map<String, Integer> column = new HashMap<>();
        String[] names = lines.get(0).split(";");
        for (int i = 0; i < names.length; i++) {
            column.put(names[i].trim(), i);
        }
        Map<LocalDate, Day> days = new TreeMap<>();
        List<Hour> hours = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";");
            String datum = f[column.get("Datum")].trim();
            LocalDate date = LocalDate.of(2000 + Integer.parseInt(datum.substring(0, 2)),
                    Integer.parseInt(datum.substring(2, 4)), Integer.parseInt(datum.substring(4, 6)));
            Day day = days.computeIfAbsent(date, d -> new Day(d, f[column.get("Fahrtzw")].trim(),
                    Integer.parseInt(f[column.get("Wotag")].trim()), hoursIn(d), new ArrayList<>()));
            int hourEnding = Integer.parseInt(f[column.get("Stunde")].trim());
            if (BERLIN.getRules().getValidOffsets(date.atTime(hourEnding - 1, 0)).isEmpty()) {
                continue;   // the spring DST gap
            }
            Hour hour = new Hour(date, number(f, column, "KFZ_R1"), number(f, column, "KFZ_R2"),
                    number(f, column, "Lkw_R1"), number(f, column, "Lkw_R2"));
            day.hours().add(hour);
            hours.add(hour);
        }
        return new BastYearReference(days, hours);
    }

    int days() {
        return days.size();
    }

    int completeDays() {
        return completeDays(false).size();
    }

    int completeWorkdays() {
        return completeDays(true).size();
    }

    int hoursInFile() {
        return hours.size();
    }

    Day day(LocalDate date) {
        return days.get(date);
    }

    double dtv(Side side) {
        return mean(completeDays(false), hour -> hour.kfz(side));
    }

    double dtvw(Side side) {
        return mean(completeDays(true), hour -> hour.kfz(side));
    }

    double dtvSv(Side side) {
        return mean(completeDays(false), hour -> hour.lkw(side));
    }

    /** SV-Anteil in percent: the heavy vehicles' share of all vehicles on the complete days. */
    double svShare(Side side) {
        List<Day> complete = completeDays(false);
        long heavy = complete.stream().mapToLong(day -> day.sum(hour -> hour.lkw(side))).sum();
        long all = complete.stream().mapToLong(day -> day.sum(hour -> hour.kfz(side))).sum();
        return 100.0 * heavy / all;
    }

    long msv(Side side) {
        return hours.stream().map(hour -> hour.kfz(side)).sorted(Comparator.reverseOrder())
                .skip(MSV_RANK - 1).findFirst().orElseThrow();
    }

    private List<Day> completeDays(boolean workdaysOnly) {
        return days.values().stream().filter(Day::complete).filter(day -> !workdaysOnly || day.workday()).toList();
    }

    private static double mean(List<Day> days, ToLongFunction<Hour> value) {
        return (double) days.stream().mapToLong(day -> day.sum(value)).sum() / days.size();
    }

    private static int hoursIn(LocalDate date) {
        LocalDateTime midnight = date.atStartOfDay();
        return (int) Duration.between(midnight.atZone(BERLIN), midnight.plusDays(1).atZone(BERLIN)).toHours();
    }

    private static int number(String[] fields, Map<String, Integer> column, String name) {
        return Integer.parseInt(fields[column.get(name)].trim());
    }
}
