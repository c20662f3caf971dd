package org.roadpulse.ingest.flow;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PublicHolidaysTest {

    @Test
    void easterSundayOfKnownYears() {
        assertThat(PublicHolidays.easterSunday(2021)).isEqualTo(LocalDate.of(2021, 4, 4));
        assertThat(PublicHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PublicHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(PublicHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void saarlandKeepsAssumptionDayAndAllSaintsButNotReformationDay() {
        PublicHolidays saarland = new PublicHolidays("10");

        assertThat(saarland.holidays(2021)).hasSize(12)
                .contains(LocalDate.of(2021, 6, 3), LocalDate.of(2021, 8, 15), LocalDate.of(2021, 11, 1))
                .doesNotContain(LocalDate.of(2021, 10, 31));
        assertThat(saarland.isWorkday(LocalDate.of(2021, 5, 13))).isFalse(); // Christi Himmelfahrt, a Thursday
        assertThat(saarland.isWorkday(LocalDate.of(2021, 5, 12))).isTrue();
        assertThat(saarland.isWorkday(LocalDate.of(2021, 5, 15))).isFalse(); // a Saturday
    }

    @Test
    void stateRulesDiffer() {
        assertThat(new PublicHolidays("14").isHoliday(LocalDate.of(2021, 11, 17))).isTrue();  // Saxony: Buß- und Bettag
        assertThat(new PublicHolidays("10").isHoliday(LocalDate.of(2021, 11, 17))).isFalse();
        assertThat(new PublicHolidays("03").isHoliday(LocalDate.of(2021, 10, 31))).isTrue();  // Lower Saxony since 2018
        assertThat(new PublicHolidays("03").isHoliday(LocalDate.of(2017 - 1, 10, 31))).isFalse();
        assertThat(new PublicHolidays("11").isHoliday(LocalDate.of(2021, 3, 8))).isTrue();   // Berlin: Frauentag
        assertThat(new PublicHolidays("05").isHoliday(LocalDate.of(2021, 6, 3))).isTrue();   // NRW: Fronleichnam
    }
}
