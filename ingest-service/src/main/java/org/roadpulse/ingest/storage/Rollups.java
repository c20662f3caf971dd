package org.roadpulse.ingest.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the hourly and daily rollups current (see V6__flow_rollups.sql). Each round takes the hours the writer
 * marked dirty, recomputes them from {@code count_record}, then recomputes the local days containing them from the
 * hours, all in one transaction. Recomputing rather than adding makes a repeated round harmless and puts late data
 * where it belongs. A transaction-level advisory lock lets one refresher of all instances run at a time, so two
 * rounds never write the same rollup row from different snapshots.
 */
public final class Rollups implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Rollups.class);
    /** Any constant shared by all instances: "RP" "RU" (RoadPulse rollups). */
    private static final long LOCK_KEY = 0x5250_5255L;
    private static final int HOURS_PER_ROUND = 20_000;

    private static final String TAKE_DIRTY = """
            DELETE FROM rollup_dirty
            WHERE ctid = ANY (ARRAY(SELECT ctid FROM rollup_dirty LIMIT ?))
            RETURNING device_id, extract(epoch FROM hour)::bigint""";

    private final DataSource dataSource;
    private final ZoneId zone;
    private final Timer roundTimer;
    private final Counter hoursRefreshed;
    private final ScheduledExecutorService scheduler;

    /** @param period how often to refresh in the background; zero or negative: only when {@link #refreshNow} is called */
    public Rollups(DataSource dataSource, ZoneId zone, Duration period, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.zone = zone;
        this.roundTimer = Timer.builder("roadpulse.rollups.refresh")
                .description("time to recompute the dirty hours and their days").register(meters);
        this.hoursRefreshed = Counter.builder("roadpulse.rollups.hours")
                .description("device hours recomputed").register(meters);
        if (period.isZero() || period.isNegative()) {
            scheduler = null;
        } else {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "rollup-refresher");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::refreshQuietly, period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Refreshes until no hour is dirty; returns the device hours recomputed. */
    public synchronized int refreshNow() throws SQLException {
        int total = 0;
        int round;
        do {
            round = refreshRound();
            total += round;
        } while (round > 0);
        return total;
    }

    /** Device hours waiting to be recomputed. */
    public long backlog() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM rollup_dirty")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                // A round in progress finishes (it holds a connection the pool is about to close).
                scheduler.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void refreshQuietly() {
        try {
            refreshNow();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Rollup refresh failed, retrying in the next round: {}", e.getMessage());
        }
    }

    private int refreshRound() throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    lock.execute();
                }
                Set<DeviceHour> hours = takeDirty(connection);
                if (!hours.isEmpty()) {
                    HourlyRollup.recompute(connection, hours);
                    DailyRollup.recompute(connection, days(hours), zone);
                }
                connection.commit();
                hoursRefreshed.increment(hours.size());
                return hours.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } finally {
            roundTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private static Set<DeviceHour> takeDirty(Connection connection) throws SQLException {
        Set<DeviceHour> hours = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(TAKE_DIRTY)) {
            statement.setInt(1, HOURS_PER_ROUND);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hours.add(new DeviceHour(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2))));
                }
            }
        }
        return hours;
    }

    private List<DeviceDay> days(Set<DeviceHour> hours) {
        Set<DeviceDay> days = new LinkedHashSet<>();
        for (DeviceHour hour : hours) {
            days.add(new DeviceDay(hour.device(), LocalDate.ofInstant(hour.start(), zone)));
        }
        return new ArrayList<>(days);
    }

    record DeviceHour(String device, Instant start) {
    }

    record DeviceDay(String device, LocalDate day) {
    }
}
