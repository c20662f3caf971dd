package org.roadpulse.ingest.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.roadpulse.ingest.intake.AcceptedCounts;
import org.roadpulse.ingest.intake.Transport;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.storage.MonthlyPartitions;
import org.roadpulse.ingest.storage.PgCountStore;
import org.roadpulse.ingest.storage.Rollups;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.SpeedHistogram;
import org.roadpulse.protocol.VehicleClass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stored counts for flow-history tests: intervals written by the real store into a test database, and the rollups
 * refreshed on demand. Sites and intervals are built with short, readable helpers.
 */
public final class FlowFixture implements AutoCloseable {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final TestDatabase database;
    private final PgCountStore store;
    private final Rollups rollups;

    public FlowFixture(TestDatabase database) {
        this.database = database;
        try {
            this.store = new PgCountStore(database.dataSource(),
                    new MonthlyPartitions(database.dataSource(), Clock.systemUTC()));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        this.rollups = new Rollups(database.dataSource(), BERLIN, Duration.ZERO, new SimpleMeterRegistry());
    }

    public TestDatabase database() {
        return database;
    }

    public Rollups rollups() {
        return rollups;
    }

    /** Stores the intervals as the writer would and brings the rollups up to date. */
    public void store(List<CountInterval> intervals) {
        try {
            List<AcceptedCounts> batch = new ArrayList<>();
            for (CountInterval interval : intervals) {
                batch.add(new AcceptedCounts(interval, Transport.HTTP, Instant.now()));
                if (batch.size() == 1000) {
                    store.store(batch);
                    batch.clear();
                }
            }
            store.store(batch);
            rollups.refreshNow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A two-way site in Saarland (Bexbach) with the given devices, 50 km/h. */
    public static MeasurementSite site(String id, String... devices) {
        return new MeasurementSite(id, "10045111", "Bexbach – " + id, "Rathausstraße", "L 119", 49.3466, 7.2597,
                1, 1, "Richtung Homburg", "Richtung Neunkirchen", 50, List.of(devices));
    }

    /** An 8+1 interval with lane 1 in each direction. */
    public static CountInterval interval(String device, long seq, Instant start, int lengthSeconds,
                                         Map<VehicleClass, Integer> forward, Map<VehicleClass, Integer> backward) {
        List<LaneInterval> lanes = new ArrayList<>();
        if (forward != null) {
            lanes.add(new LaneInterval(1, Direction.FORWARD, forward, null, null, null, null));
        }
        if (backward != null) {
            lanes.add(new LaneInterval(1, Direction.BACKWARD, backward, null, null, null, null));
        }
        return new CountInterval(device, seq, start, lengthSeconds, "test", ClassScheme.TLS_8_1, lanes);
    }

    /** An interval of any scheme with one lane forward, speeds and a histogram. */
    public static CountInterval withSpeeds(String device, long seq, Instant start, int lengthSeconds,
                                           ClassScheme scheme, Map<VehicleClass, Integer> forward, double meanSpeed,
                                           SpeedHistogram histogram) {
        LaneInterval lane = new LaneInterval(1, Direction.FORWARD, forward, meanSpeed, null, histogram, null);
        return new CountInterval(device, seq, start, lengthSeconds, "test", scheme, List.of(lane));
    }

    /** Hourly 8+1 intervals from {@code from} (inclusive) to {@code to} (exclusive), each with the same counts. */
    public static List<CountInterval> hours(String device, long firstSeq, Instant from, Instant to,
                                            Map<VehicleClass, Integer> forward, Map<VehicleClass, Integer> backward) {
        List<CountInterval> intervals = new ArrayList<>();
        long seq = firstSeq;
        for (Instant start = from; start.isBefore(to); start = start.plusSeconds(3600)) {
            intervals.add(interval(device, seq++, start, 3600, forward, backward));
        }
        return intervals;
    }

    @Override
    public void close() {
        rollups.close();
        database.close();
    }
}
