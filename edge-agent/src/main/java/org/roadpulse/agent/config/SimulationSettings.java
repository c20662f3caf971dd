package org.roadpulse.agent.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated counting site.
 *
 * @param lanesPerDirection 1 to 4 (default 1)
 * @param dailyVehicles     vehicles per workday and direction (default 8000; at most 20000 per lane)
 * @param heavyShare        heavy-vehicle share in workday daytime traffic (default 0.08)
 * @param speedLimitKmh     posted limit (default 50)
 * @param seed              random seed (default: derived from the device id, so each device differs but repeats)
 * @param start             first simulated moment: an ISO instant such as {@code 2024-05-06T00:00:00Z}, a date
 *                          (its local midnight, Europe/Berlin), {@code today} (local midnight) or {@code now}.
 *                          A start in the past is caught up at the source speed, then it runs live. Default:
 *                          {@code today} when the source speed is above 1 (a demo fills the day first), otherwise
 *                          {@code now} (at real-time speed a past start would never catch up).
 * @param until             end of the simulation (same formats), or absent to run until stopped
 */
public record SimulationSettings(Integer lanesPerDirection, Double dailyVehicles, Double heavyShare,
                                 Integer speedLimitKmh, Long seed, String start, String until) {

    private static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Berlin");

    public SimulationSettings {
        lanesPerDirection = lanesPerDirection == null ? 1 : lanesPerDirection;
        dailyVehicles = dailyVehicles == null ? 8000.0 : dailyVehicles;
        heavyShare = heavyShare == null ? 0.08 : heavyShare;
        speedLimitKmh = speedLimitKmh == null ? 50 : speedLimitKmh;
    }

    public static SimulationSettings defaults() {
        return new SimulationSettings(null, null, null, null, null, null, null);
    }

    public SimulationSettings withSeed(long seed) {
        return new SimulationSettings(lanesPerDirection, dailyVehicles, heavyShare, speedLimitKmh, seed, start, until);
    }

    public SimulationSettings withDailyVehicles(double vehicles) {
        return new SimulationSettings(lanesPerDirection, vehicles, heavyShare, speedLimitKmh, seed, start, until);
    }

    public SimulationSettings withPeriod(String start, String until) {
        return new SimulationSettings(lanesPerDirection, dailyVehicles, heavyShare, speedLimitKmh, seed, start, until);
    }

    /** Resolves {@link #start} against the current time and the speed it will be replayed at. */
    public Instant startAt(Instant now, double speed) {
        return parseTime(start != null ? start : speed > 1 ? "today" : "now", now);
    }

    /** Resolves {@link #until} against the current time; null when the simulation has no end. */
    public Instant untilAt(Instant now) {
        return until == null ? null : parseTime(until, now);
    }

    static Instant parseTime(String text, Instant now) {
        String value = text.trim();
        if (value.equalsIgnoreCase("now")) {
            return now;
        }
        if (value.equalsIgnoreCase("today")) {
            return LocalDate.ofInstant(now, LOCAL_TIME).atStartOfDay(LOCAL_TIME).toInstant();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            return LocalDate.parse(value).atStartOfDay(LOCAL_TIME).toInstant();
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (lanesPerDirection < 1 || lanesPerDirection > 4) {
            problems.add("simulation.lanesPerDirection must be 1 to 4");
        }
        // Above this a lane would see more than one vehicle per second in the peak hour, which no service accepts.
        if (dailyVehicles < 0 || dailyVehicles > 20_000.0 * lanesPerDirection) {
            problems.add("simulation.dailyVehicles must be 0 to 20000 per lane and direction");
        }
        if (heavyShare < 0 || heavyShare > 0.9) {
            problems.add("simulation.heavyShare must be 0 to 0.9");
        }
        if (speedLimitKmh < 10 || speedLimitKmh > 200) {
            problems.add("simulation.speedLimitKmh must be 10 to 200");
        }
        for (String time : new String[]{start, until}) {
            if (time != null) {
                try {
                    parseTime(time, Instant.now());
                } catch (DateTimeParseException e) {
                    problems.add("simulation time '" + time + "' is not an instant, a date, 'today' or 'now'");
                }
            }
        }
        return problems;
    }
}
