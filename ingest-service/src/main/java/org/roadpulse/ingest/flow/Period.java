package org.roadpulse.ingest.flow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A half-open span of time [from, to) and the time zone whose days, weeks and hours the planner means
 * (Europe/Berlin: days of 23, 24 and 25 hours included).
 */
public record Period(Instant from, Instant to, ZoneId zone) {

    public Period {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a period must end after it starts");
        }
    }

    /** The local days from {@code first} up to, not including, {@code end}. */
    public static Period ofDays(LocalDate first, LocalDate end, ZoneId zone) {
        return new Period(first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), zone);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The local dates the period touches, in order. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** The first local date and the day after the last one. */
    public LocalDate firstDay() {
        return from.atZone(zone).toLocalDate();
    }

    public LocalDate endDay() {
        return to.minusNanos(1).atZone(zone).toLocalDate().plusDays(1);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
