package org.roadpulse.agent.source;

import org.roadpulse.protocol.Direction;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/**
 * The shape of a day's traffic on an urban through road: the share of the day's vehicles in each local hour, how much
 * of a workday's traffic weekends carry, and how the heavy-vehicle share moves (more at night, little on Sundays —
 * Germany bans most trucks on Sundays). Forward traffic peaks in the morning, backward in the evening.
 */
final class DailyProfile {

    private static final double[] WORKDAY = {
            0.8, 0.5, 0.4, 0.4, 0.8, 2.0, 4.5, 7.5, 7.0, 5.5, 5.2, 5.4,
            5.8, 5.9, 6.2, 7.0, 8.0, 8.2, 6.8, 5.0, 3.6, 2.8, 2.0, 1.4};
    private static final double[] WEEKEND = {
            1.5, 1.0, 0.8, 0.6, 0.5, 0.7, 1.2, 2.0, 3.2, 4.6, 5.8, 6.6,
            7.0, 7.0, 6.8, 6.6, 6.5, 6.4, 6.0, 5.0, 4.0, 3.2, 2.5, 1.8};
    private static final double WORKDAY_SUM = sum(WORKDAY);
    private static final double WEEKEND_SUM = sum(WEEKEND);

    private DailyProfile() {
    }

    /** Vehicles per hour in this local hour, for a workday total of {@code dailyVehicles} in one direction. */
    static double vehiclesPerHour(ZonedDateTime localHour, Direction direction, double dailyVehicles) {
        DayOfWeek day = localHour.getDayOfWeek();
        int hour = localHour.getHour();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        double share = weekend ? WEEKEND[hour] / WEEKEND_SUM : WORKDAY[hour] / WORKDAY_SUM;
        double dayFactor = switch (day) {
            case SATURDAY -> 0.85;
            case SUNDAY -> 0.65;
            case FRIDAY -> 1.05;
            default -> 1.0;
        };
        return dailyVehicles * dayFactor * share * tidalFactor(hour, direction, weekend);
    }

    /** The heavy-vehicle share in this local hour, for a workday-daytime share of {@code heavyShare}. */
    static double heavyShare(ZonedDateTime localHour, double heavyShare) {
        int hour = localHour.getHour();
        double factor = hour >= 22 || hour < 6 ? 1.6 : 1.0;
        factor *= switch (localHour.getDayOfWeek()) {
            case SATURDAY -> 0.6;
            case SUNDAY -> 0.2;
            default -> 1.0;
        };
        return Math.min(0.9, heavyShare * factor);
    }

    /** Whether traffic is near capacity, which slows it down. */
    static boolean peak(ZonedDateTime localHour) {
        int hour = localHour.getHour();
        DayOfWeek day = localHour.getDayOfWeek();
        boolean workday = day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
        return workday && (hour == 7 || hour == 8 || hour == 16 || hour == 17);
    }

    private static double tidalFactor(int hour, Direction direction, boolean weekend) {
        if (weekend) {
            return 1.0;
        }
        boolean morning = hour >= 6 && hour < 10;
        boolean evening = hour >= 15 && hour < 19;
        if (direction == Direction.FORWARD) {
            return morning ? 1.2 : evening ? 0.85 : 1.0;
        }
        return morning ? 0.85 : evening ? 1.2 : 1.0;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
