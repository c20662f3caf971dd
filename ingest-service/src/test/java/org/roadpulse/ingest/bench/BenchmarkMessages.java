package org.roadpulse.ingest.bench;

import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.testing.Intervals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The load of the telemetry benchmark: each device's consecutive 5-minute intervals on a road with two lanes per
 * direction, so that one message carries four interval records (lane × direction), devices interleaved as they arrive.
 */
final class BenchmarkMessages {

    static final Instant FIRST_INTERVAL = Instant.parse("2026-03-02T00:00:00Z");
    static final int RECORDS_PER_MESSAGE = 4;

    private BenchmarkMessages() {
    }

    static String device(int n) {
        return "bench-" + n;
    }

    /** Message {@code i} of the run: device {@code i % devices}, its seq {@code i / devices + 1}. */
    static List<CountInterval> intervals(int devices, int perDevice) {
        List<CountInterval> intervals = new ArrayList<>(devices * perDevice);
        for (int seq = 1; seq <= perDevice; seq++) {
            for (int d = 0; d < devices; d++) {
                intervals.add(twoLanesPerDirection(Intervals.sample(device(d), seq,
                        FIRST_INTERVAL.plusSeconds(300L * (seq - 1)))));
            }
        }
        return intervals;
    }

    private static CountInterval twoLanesPerDirection(CountInterval sample) {
        List<LaneInterval> lanes = new ArrayList<>();
        for (LaneInterval lane : sample.lanes()) {
            lanes.add(lane);
            lanes.add(new LaneInterval(lane.lane() + 1, lane.direction(), lane.counts(), lane.meanSpeedKmh(),
                    lane.v85Kmh(), lane.speedHistogram(), lane.occupancy()));
        }
        return new CountInterval(sample.deviceId(), sample.seq(), sample.start(), sample.lengthSeconds(),
                sample.firmware(), sample.scheme(), lanes);
    }
}
