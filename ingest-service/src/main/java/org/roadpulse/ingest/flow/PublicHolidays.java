package org.roadpulse.ingest.flow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Public holidays (gesetzliche Feiertage) of a German federal state, for DTVw: a workday is Monday to Friday and not
 * one of these. States are the first two digits of the AGS. Covers the rules in force since 2019 (Weltkindertag in
 * Thuringia from 2019, Frauentag in Berlin from 2019 and in Mecklenburg-Western Pomerania from 2023, Reformation Day
 * in the northern states from 2018). Municipality-level holidays (Augsburg's Friedensfest, Mariä Himmelfahrt in
 * Catholic Bavarian municipalities only) are not modelled: Bavaria gets neither.
 */
public final class PublicHolidays {

    private final String state;
    private final Map<Integer, Set<LocalDate>> byYear = new HashMap<>();

    /** @param stateKey two-digit state key (01 Schleswig-Holstein … 10 Saarland … 16 Thuringia) */
    public PublicHolidays(String stateKey) {
        this.state = stateKey;
    }

    public boolean isWorkday(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    public boolean isHoliday(LocalDate day) {
        return byYear.computeIfAbsent(day.getYear(), this::holidays).contains(day);
    }

    public Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        LocalDate easter = easterSunday(year);
        // Nationwide.
        days.add(LocalDate.of(year, Month.JANUARY, 1));
        days.add(easter.minusDays(2));   // Karfreitag
        days.add(easter.plusDays(1));    // Ostermontag
        days.add(LocalDate.of(year, Month.MAY, 1));
        days.add(easter.plusDays(39));   // Christi Himmelfahrt
        days.add(easter.plusDays(50));   // Pfingstmontag
        days.add(LocalDate.of(year, Month.OCTOBER, 3));
        days.add(LocalDate.of(year, Month.DECEMBER, 25));
        days.add(LocalDate.of(year, Month.DECEMBER, 26));
        // By state.
        if (in("08", "09", "15")) {
            days.add(LocalDate.of(year, Month.JANUARY, 6));      // Heilige Drei Könige
        }
        if (in("11") || (in("13") && year >= 2023)) {
            days.add(LocalDate.of(year, Month.MARCH, 8));        // Internationaler Frauentag
        }
        if (in("08", "09", "06", "05", "07", "10")) {
            days.add(easter.plusDays(60));                       // Fronleichnam
        }
        if (in("10")) {
            days.add(LocalDate.of(year, Month.AUGUST, 15));      // Mariä Himmelfahrt
        }
        if (in("16") && year >= 2019) {
            days.add(LocalDate.of(year, Month.SEPTEMBER, 20));   // Weltkindertag
        }
        if (in("12", "13", "14", "15", "16") || (in("01", "02", "03", "04") && year >= 2018)) {
            days.add(LocalDate.of(year, Month.OCTOBER, 31));     // Reformationstag
        }
        if (in("08", "09", "05", "07", "10")) {
            days.add(LocalDate.of(year, Month.NOVEMBER, 1));     // Allerheiligen
        }
        if (in("14")) {
            days.add(bussUndBettag(year));
        }
        return days;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The Wednesday before 23 November. */
    private static LocalDate bussUndBettag(int year) {
        LocalDate day = LocalDate.of(year, Month.NOVEMBER, 22);
        while (day.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
            day = day.minusDays(1);
        }
        return day;
    }

    private boolean in(String... states) {
        for (String candidate : states) {
            if (candidate.equals(state)) {
                return true;
            }
        }
        return false;
    }
}
