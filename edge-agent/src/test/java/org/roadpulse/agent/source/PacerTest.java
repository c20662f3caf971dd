package org.roadpulse.agent.source;

import org.junit.jupiter.api.Test;
import org.roadpulse.agent.support.FakeClock;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacerTest {

    private static final Instant WALL = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void replaysOneHourPerMinuteAtSpeedSixty() throws Exception {
        // GIVEN a replay of 2021 data at speed 60, anchored at 2021-01-01T00:00Z
        FakeClock clock = new FakeClock(WALL);
        Pacer pacer = new Pacer(clock, clock.sleeper(), 60);
        pacer.anchor(Instant.parse("2021-01-01T00:00:00Z"));
        // WHEN it waits for the event at 02:00 of the data's time
        pacer.awaitEventTime(Instant.parse("2021-01-01T02:00:00Z"));
        // THEN two minutes of wall time have passed
        assertThat(clock.instant()).isEqualTo(WALL.plusSeconds(120));
    }

    @Test
    void neverReleasesAnEventBeforeItHappened() {
        // GIVEN a simulation that starts 10 minutes before now, at speed 60
        FakeClock clock = new FakeClock(WALL);
        Pacer pacer = new Pacer(clock, clock.sleeper(), 60);
        pacer.anchor(WALL.minusSeconds(600));
        // THEN an event 20 minutes after its start (10 minutes in the future) is due at its own time, not after 20 s
        assertThat(pacer.wallTarget(WALL.plusSeconds(600))).isEqualTo(WALL.plusSeconds(600));
        // AND an event still in the past is due at the paced time
        assertThat(pacer.wallTarget(WALL.minusSeconds(300))).isEqualTo(WALL.plusSeconds(5));
    }

    @Test
    void speedZeroDoesNotWaitForPastEvents() throws Exception {
        FakeClock clock = new FakeClock(WALL);
        Pacer pacer = new Pacer(clock, clock.sleeper(), 0);
        pacer.awaitEventTime(Instant.parse("2021-01-01T00:00:00Z"));
        pacer.awaitEventTime(Instant.parse("2021-12-31T00:00:00Z"));
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void refusesANegativeSpeed() {
        FakeClock clock = new FakeClock(WALL);
        assertThatThrownBy(() -> new Pacer(clock, clock.sleeper(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
