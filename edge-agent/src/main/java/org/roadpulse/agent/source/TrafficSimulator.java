package org.roadpulse.agent.source;

import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.VehicleClass;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Simulated vehicles of a counting site, in the 8+1 scheme with speeds: Poisson arrivals whose rate follows a
 * {@link DailyProfile} in local time, a heavy-vehicle share that rises at night and falls on weekends, speeds
 * scattered around the limit (slower in peak hours, heavy vehicles slower still), heavy vehicles mostly in lane 1.
 *
 * <p>Deterministic: the same {@link Parameters} (seed included) give the same vehicles, so simulated devices can be
 * compared across runs and with what the service stored.
 */
public final class TrafficSimulator implements VehicleSource {

    public static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Berlin");

    /**
     * @param lanesPerDirection         1 to 4
     * @param dailyVehiclesPerDirection vehicles on a workday in each direction (DTVw)
     * @param heavyShare                share of heavy vehicles in workday daytime traffic, 0–0.9
     * @param speedLimitKmh             posted speed limit
     * @param seed                      random seed
     * @param start                     event time of the first moment simulated
     * @param until                     event time at which the simulation ends, or null to run without end
     */
    public record Parameters(int lanesPerDirection, double dailyVehiclesPerDirection, double heavyShare,
                             int speedLimitKmh, long seed, Instant start, Instant until) {

        public Parameters {
            if (lanesPerDirection < 1 || lanesPerDirection > 4) {
                throw new IllegalArgumentException("lanes per direction must be 1 to 4");
            }
            if (dailyVehiclesPerDirection < 0 || heavyShare < 0 || heavyShare > 0.9 || speedLimitKmh < 10) {
                throw new IllegalArgumentException("implausible simulation parameters: " + dailyVehiclesPerDirection
                        + " vehicles/day, heavy share " + heavyShare + ", limit " + speedLimitKmh + " km/h");
            }
            Objects.requireNonNull(start, "start");
        }
    }

    private static final VehicleClass[] LIGHT = {
            VehicleClass.PKW, VehicleClass.LFW, VehicleClass.KRAD, VehicleClass.PKW_A, VehicleClass.NK_KFZ};
    private static final double[] LIGHT_MIX = {0.855, 0.09, 0.02, 0.025, 0.01};
    private static final VehicleClass[] HEAVY = {
            VehicleClass.LKW, VehicleClass.LKW_A, VehicleClass.SATTEL_KFZ, VehicleClass.BUS};
    private static final double[] HEAVY_MIX = {0.32, 0.13, 0.40, 0.15};
    private static final double[] LANE_WEIGHTS = {1.0, 1.2, 0.8, 0.6};

    private final Parameters parameters;
    private final Map<Direction, Stream> streams = new EnumMap<>(Direction.class);

    public TrafficSimulator(Parameters parameters) {
        this.parameters = parameters;
        SplittableRandom root = new SplittableRandom(parameters.seed());
        for (Direction direction : Direction.values()) {
            streams.put(direction, new Stream(direction, root.split()));
        }
    }

    @Override
    public ClassScheme scheme() {
        return ClassScheme.TLS_8_1;
    }

    @Override
    public List<LanePosition> lanes() {
        return LanePosition.bothDirections(parameters.lanesPerDirection());
    }

    @Override
    public boolean measuresSpeed() {
        return true;
    }

    @Override
    public Instant measurementStart() {
        return parameters.start();
    }

    @Override
    public Optional<Instant> measurementEnd() {
        return Optional.ofNullable(parameters.until());
    }

    @Override
    public Optional<Vehicle> next() {
        Stream earliest = null;
        for (Stream stream : streams.values()) {
            Vehicle candidate = stream.peek();
            if (candidate != null && (earliest == null || candidate.time().isBefore(earliest.peek().time()))) {
                earliest = stream;
            }
        }
        return earliest == null ? Optional.empty() : Optional.of(earliest.take());
    }

    /** The vehicles of one direction: a Poisson process whose rate is constant within each hour. */
    private final class Stream {
        private final Direction direction;
        private final SplittableRandom random;
        private Instant clock;
        private Vehicle next;
        private boolean exhausted;

        Stream(Direction direction, SplittableRandom random) {
            this.direction = direction;
            this.random = random;
            this.clock = parameters.start();
        }

        Vehicle peek() {
            if (next == null && !exhausted) {
                next = generate();
                exhausted = next == null;
            }
            return next;
        }

        Vehicle take() {
            Vehicle taken = peek();
            next = null;
            return taken;
        }

        /** Arrivals are memoryless, so a gap that crosses an hour boundary restarts there at the new hour's rate. */
        private Vehicle generate() {
            while (parameters.until() == null || clock.isBefore(parameters.until())) {
                ZonedDateTime hour = clock.atZone(LOCAL_TIME).truncatedTo(ChronoUnit.HOURS);
                Instant hourEnd = hour.toInstant().plus(Duration.ofHours(1));
                double perSecond = DailyProfile.vehiclesPerHour(hour, direction,
                        parameters.dailyVehiclesPerDirection()) / 3600.0;
                Instant arrival = perSecond <= 0 ? hourEnd
                        : clock.plusMillis(Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) / perSecond * 1000)));
                if (!arrival.isBefore(hourEnd)) {
                    clock = hourEnd;
                    continue;
                }
                if (parameters.until() != null && !arrival.isBefore(parameters.until())) {
                    break;
                }
                clock = arrival;
                return vehicle(arrival, hour);
            }
            return null;
        }

        private Vehicle vehicle(Instant time, ZonedDateTime hour) {
            boolean heavy = random.nextDouble() < DailyProfile.heavyShare(hour, parameters.heavyShare());
            VehicleClass vehicleClass = heavy ? pick(HEAVY, HEAVY_MIX) : pick(LIGHT, LIGHT_MIX);
            int lane = lane(heavy);
            return new Vehicle(time, lane, direction, vehicleClass, speed(heavy, lane, DailyProfile.peak(hour)));
        }

        private int lane(boolean heavy) {
            int lanes = parameters.lanesPerDirection();
            if (lanes == 1 || heavy && random.nextDouble() < 0.9) {
                return 1;
            }
            double total = 0;
            for (int i = heavy ? 1 : 0; i < lanes; i++) {
                total += LANE_WEIGHTS[i];
            }
            double r = random.nextDouble() * total;
            for (int i = heavy ? 1 : 0; i < lanes; i++) {
                r -= LANE_WEIGHTS[i];
                if (r < 0) {
                    return i + 1;
                }
            }
            return lanes;
        }

        private double speed(boolean heavy, int lane, boolean peak) {
            double limit = parameters.speedLimitKmh();
            double mean = heavy ? Math.min(limit, 80) * 0.93 : limit * (1.02 + 0.04 * (lane - 1));
            double spread = heavy ? 0.06 * limit + 2 : 0.10 * limit + 2;
            if (peak) {
                mean *= 0.85;
            }
            double speed = mean + spread * gaussian();
            return Math.max(5, Math.min(250, Math.round(speed)));
        }

        private double gaussian() {
            // Box-Muller on our own random, so that the stream stays reproducible from the seed.
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }

        private <T> T pick(T[] values, double[] weights) {
            double r = random.nextDouble();
            for (int i = 0; i < values.length - 1; i++) {
                r -= weights[i];
                if (r < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }
}
