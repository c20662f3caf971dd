package org.roadpulse.ingest.flow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The time step of a volume series. Hours are UTC hours (each is exactly one local hour in Germany); days, weeks
 * (Monday first, ISO) months and years are local, so a DST day has 23 or 25 hours.
 */
public enum Bucket {
    QUARTER_HOUR("15min", Duration.ofMinutes(15)),
    HOUR("hour", Duration.ofHours(1)),
    DAY("day", Duration.ofDays(1)),
    WEEK("week", Duration.ofDays(7)),
    MONTH("month", Duration.ofDays(30)),
    YEAR("year", Duration.ofDays(365));

    /** A span of time a bucket covers, clipped to the period asked for. */
    public record Span(Instant start, Instant end) {
        public long seconds() {
            return Duration.between(start, end).getSeconds();
        }
    }

    private final String wireName;
    private final Duration nominal;

    Bucket(String wireName, Duration nominal) {
        this.wireName = wireName;
        this.nominal = nominal;
    }

    public String wireName() {
        return wireName;
    }

    /** About how many buckets cover the period (for refusing series too long to be useful). */
    public long estimatedPoints(Period period) {
        return period.length().getSeconds() / nominal.getSeconds() + 1;
    }

    /** The buckets covering the period, the first and last clipped to it. */
    public List<Span> spans(Period period) {
        List<Span> spans = new ArrayList<>();
        Instant start = floor(period.from(), period.zone());
        while (start.isBefore(period.to())) {
            Instant end = next(start, period.zone());
            spans.add(new Span(start.isBefore(period.from()) ? period.from() : start,
                    end.isAfter(period.to()) ? period.to() : end));
            start = end;
        }
        return spans;
    }

    /** Start of the bucket that contains the instant. */
    public Instant floor(Instant instant, ZoneId zone) {
        return switch (this) {
            case QUARTER_HOUR, HOUR -> Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(),
                    nominal.getSeconds()) * nominal.getSeconds());
            case DAY -> startOf(instant.atZone(zone).toLocalDate(), zone);
            case WEEK -> startOf(instant.atZone(zone).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), zone);
            case MONTH -> startOf(instant.atZone(zone).toLocalDate().withDayOfMonth(1), zone);
            case YEAR -> startOf(instant.atZone(zone).toLocalDate().withDayOfYear(1), zone);
        };
    }

    /** The start of the bucket after the one starting at {@code start}. */
    public Instant next(Instant start, ZoneId zone) {
        LocalDate day = start.atZone(zone).toLocalDate();
        return switch (this) {
            case QUARTER_HOUR, HOUR -> start.plus(nominal);
            case DAY -> startOf(day.plusDays(1), zone);
            case WEEK -> startOf(day.plusWeeks(1), zone);
            case MONTH -> startOf(day.plusMonths(1), zone);
            case YEAR -> startOf(day.plusYears(1), zone);
        };
    }

    public static Optional<Bucket> fromWireName(String name) {
        return Arrays.stream(values()).filter(b -> b.wireName.equalsIgnoreCase(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Bucket::wireName).toList());
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
