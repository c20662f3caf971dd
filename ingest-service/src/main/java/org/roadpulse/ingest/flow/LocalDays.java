package org.roadpulse.ingest.flow;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local days of a period with their midnights and lengths in hours (23, 24 or 25), worked out once per query:
 * time-zone arithmetic per day and per row is what a year's figures for many sites would otherwise spend most on.
 */
public final class LocalDays {

    /** One local day: its date, its local midnight and how many hours it has. */
    public record Day(LocalDate date, ZonedDateTime midnight, int hours) {

        /** The local hour of day of the day's {@code index}-th hour: the index itself on all but the DST days. */
        public int localHour(int index) {
            return hours == 24 ? index : midnight.plusHours(index).getHour();
        }
    }

    private final List<Day> days = new ArrayList<>();
    private final Map<LocalDate, Day> byDate = new HashMap<>();

    public LocalDays(Period period) {
        for (LocalDate date : period.days()) {
            ZonedDateTime midnight = date.atStartOfDay(period.zone());
            long seconds = date.plusDays(1).atStartOfDay(period.zone()).toEpochSecond() - midnight.toEpochSecond();
            Day day = new Day(date, midnight, (int) (seconds / 3600));
            days.add(day);
            byDate.put(date, day);
        }
    }

    public List<Day> days() {
        return days;
    }

    /** Hours of a day of the period. */
    public int hours(LocalDate date) {
        Day day = byDate.get(date);
        if (day == null) {
            throw new IllegalArgumentException(date + " is not in the period");
        }
        return day.hours();
    }
}
