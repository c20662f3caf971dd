package org.roadpulse.agent;

import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.SourceSettings;
import org.roadpulse.agent.config.TransportSettings;
import org.roadpulse.agent.outbox.Outbox;
import org.roadpulse.agent.source.IntervalSource;
import org.roadpulse.agent.source.MeasuredInterval;
import org.roadpulse.agent.source.SensorHealth;
import org.roadpulse.agent.transport.Backoff;
import org.roadpulse.agent.transport.CountPublisher;
import org.roadpulse.agent.transport.DeliveryCounters;
import org.roadpulse.agent.transport.DeviceIdentity;
import org.roadpulse.agent.transport.OutboxDrainer;
import org.roadpulse.agent.transport.TlsSettings;
import org.roadpulse.agent.transport.coap.CoapCountPublisher;
import org.roadpulse.agent.transport.http.HttpCountPublisher;
import org.roadpulse.agent.transport.mqtt.MqttCountPublisher;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.StatusReport;
import org.roadpulse.protocol.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One roadside agent: source → interval → outbox → transport. Build it from {@link AgentSettings}, {@link #start()}
 * it, {@link #close()} it; in between it produces intervals at the source's pace and sends them until the service
 * acknowledged each.
 *
 * <p>Threads: one producer (reads the source, waits for each interval's end, stores it), the outbox drainer (sends),
 * the heartbeat, and the transport's own. {@link #close()} is orderly: the interval in progress is abandoned (it is
 * incomplete), in-flight intervals get a moment for their answers, a final offline status goes out, and whatever is
 * unacknowledged stays in the outbox for the next start. {@link #halt()} is a power cut.
 */
public final class Agent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private static final Duration ROOM_POLL = Duration.ofMillis(10);

    private final AgentSettings settings;
    private final Clock clock;
    private final DeviceIdentity identity;
    private final CountIntervalCodec codec = new CountIntervalCodec();
    /** Reads back the agent's own payloads; its clock is far ahead so that no stored interval counts as "future". */
    private static final CountIntervalCodec RESUME_READER =
            new CountIntervalCodec(Clock.fixed(Instant.parse("9999-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final AtomicLong produced = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final CountDownLatch sourceDone = new CountDownLatch(1);
    /** Set only when the source itself said it has no more: a producer stopped part-way leaves it false. */
    private volatile boolean sourceExhausted;
    /** Wakes the producer from its wait for the next interval; an interrupt could hit it inside an fsync instead. */
    private final CountDownLatch stopping = new CountDownLatch(1);
    private IntervalSource source;
    private Outbox outbox;
    private CountPublisher publisher;
    private OutboxDrainer drainer;
    private StatusHeartbeat heartbeat;
    private Thread producer;
    private Instant startedAt;
    private volatile boolean running;
    private volatile Throwable sourceFailure;

    private final boolean customSource;

    private Agent(AgentSettings settings, Clock clock, IntervalSource source) {
        this.settings = settings.validated();
        this.customSource = source != null;
        this.clock = clock;
        this.identity = new DeviceIdentity(settings.device().id(), settings.device().secret(),
                settings.device().firmware());
        this.source = source;
    }

    public static Agent create(AgentSettings settings) {
        return new Agent(settings, Clock.systemUTC(), null);
    }

    public static Agent create(AgentSettings settings, Clock clock) {
        return new Agent(settings, clock, null);
    }

    /** An agent that takes its intervals from {@code source} instead of the one the settings name (for tests). */
    public static Agent withSource(AgentSettings settings, IntervalSource source) {
        return new Agent(settings, Clock.systemUTC(), source);
    }

    public synchronized Agent start() throws IOException {
        if (startedAt != null) {
            throw new IllegalStateException("an agent starts once");
        }
        startedAt = clock.instant();
        outbox = Outbox.open(settings.outbox().dir(), settings.outbox().maxRecords(), settings.outbox().compactAfter());
        try {
            if (source == null) {
                source = Sources.open(settings.source(), identity.deviceId(), settings.intervalSeconds(), clock,
                        this::sleepUnlessStopping);
            }
            publisher = publisher(settings.transport());
            heartbeat = new StatusHeartbeat(identity.deviceId(), publisher, this::status);
            TransportSettings transport = settings.transport();
            drainer = new OutboxDrainer(identity.deviceId(), outbox, publisher,
                    Backoff.withRandomJitter(Duration.ofMillis(transport.backoffInitialMs()),
                            Duration.ofMillis(transport.backoffMaxMs())),
                    transport.window(), Duration.ofMillis(transport.answerTimeoutMs()), heartbeat::beatNow);
        } catch (IOException | RuntimeException e) {
            outbox.close();
            throw e;
        }
        running = true;
        heartbeat.start(settings.statusPeriodSeconds());
        drainer.start();
        producer = new Thread(this::produce, "producer-" + identity.deviceId());
        producer.setDaemon(true);
        producer.start();
        LOG.info("{}: started ({} via {}, outbox {}: {} pending, last seq {})", identity.deviceId(),
                customSource ? "custom source" : settings.source().type().name().toLowerCase(),
                settings.transport().uri(), outbox.dir(), outbox.pendingCount(),
                outbox.lastSeq());
        return this;
    }

    public String deviceId() {
        return identity.deviceId();
    }

    public AgentSettings settings() {
        return settings;
    }

    /** Intervals waiting for acknowledgement. */
    public int pendingCount() {
        return outbox.pendingCount();
    }

    /** Highest seq produced so far (across restarts). */
    public long lastSeq() {
        return outbox.lastSeq();
    }

    public AgentCounters counters() {
        DeliveryCounters.Snapshot delivery = drainer == null
                ? new DeliveryCounters.Snapshot(0, 0, 0, 0) : drainer.counters();
        return new AgentCounters(produced.get(), delivery.sent(), delivery.acked(), delivery.rejected(),
                delivery.retried(), outbox.droppedCount(), outbox.pendingCount(), outbox.lastSeq(), skipped.get());
    }

    /** Intervals the service refused for good since the start, per reason (e.g. {@code count.implausible}). */
    public Map<String, Long> rejectionReasons() {
        return drainer == null ? Map.of() : drainer.rejectionReasons();
    }

    /**
     * Whether the source ended by itself: a replay at its end, or a source that failed. An agent stopped part-way
     * (Ctrl-C) has not finished, even when its outbox happens to be empty; a simulation without end never finishes.
     */
    public boolean sourceFinished() {
        return sourceExhausted || sourceFailure != null;
    }

    /** Why the source stopped early, if it failed. */
    public Optional<Throwable> sourceFailure() {
        return Optional.ofNullable(sourceFailure);
    }

    /** Waits until the source has finished and the outbox is empty; false on timeout. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!sourceDone.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        while (outbox.pendingCount() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Orderly stop; what is unacknowledged stays in the outbox. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        stopProducer();
        heartbeat.close();
        drainer.stop(CLOSE_GRACE);
        if (publisher.connected()) {
            StatusReport goodbye = new StatusReport(identity.deviceId(), now(), StatusReport.State.OFFLINE,
                    identity.firmware(), (long) outbox.pendingCount(), outbox.lastSeq(), uptimeSeconds());
            try {
                publisher.publishStatus(goodbye).get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.debug("{}: final status not confirmed: {}", identity.deviceId(), e.toString());
            }
        }
        publisher.close();
        closeQuietly();
        LOG.info("{}: stopped; {} intervals pending, last seq {}", identity.deviceId(), outbox.pendingCount(),
                outbox.lastSeq());
    }

    /** Stops at once, as a power cut would: no goodbye, no waiting (the broker announces the last will). */
    public synchronized void halt() {
        if (!running) {
            return;
        }
        running = false;
        stopping.countDown();
        heartbeat.close();
        drainer.close();
        publisher.halt();
        closeQuietly();
    }

    private void produce() {
        try {
            Instant resumeAt = resumePoint();
            long skippedInARow = 0;
            while (running) {
                Optional<MeasuredInterval> next = source.next();
                if (next.isEmpty()) {
                    LOG.info("{}: the source has no more intervals ({} produced)", identity.deviceId(), produced.get());
                    sourceExhausted = true;
                    break;
                }
                if (next.get().start().isBefore(resumeAt)) {
                    skippedInARow++;   // produced before a restart: it is in the outbox or already delivered
                    skipped.incrementAndGet();
                    continue;
                }
                if (skippedInARow > 0) {
                    LOG.info("{}: resumed after {} intervals produced before the restart", identity.deviceId(),
                            skippedInARow);
                    skippedInARow = 0;
                }
                awaitRoomForReplay();
                store(next.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (running) {
                sourceFailure = e;
                LOG.error("{}: the source failed; no more intervals will be produced", identity.deviceId(), e);
            }
        } finally {
            sourceDone.countDown();
        }
    }

    /**
     * Where the source must resume: the end of the newest interval this outbox ever took. A replay or simulation
     * restarts from its beginning after a reboot; without this it would produce its first intervals again under new
     * seqs, and the service could not tell them from new data.
     */
    private Instant resumePoint() {
        return outbox.lastAppended().map(payload -> {
            Verdict<CountInterval> last = RESUME_READER.decode(payload, Encoding.sniff(payload));
            if (!last.isAccepted()) {
                LOG.warn("{}: the newest interval in the outbox does not decode ({}); resuming from the source's start",
                        identity.deviceId(), last.rejection());
                return Instant.MIN;
            }
            return last.value().end();
        }).orElse(Instant.MIN);
    }

    /**
     * A replay waits while the outbox is full instead of letting the overflow policy drop its oldest interval: a file
     * read as fast as possible would otherwise outrun a slow link and lose the start of the recording. Dropping is
     * for live counting (the simulator, a live camera), where the road does not wait; a recording can.
     */
    private void awaitRoomForReplay() throws InterruptedException {
        SourceSettings configured = settings.source();
        if (customSource || configured.type() == SourceSettings.Kind.SIMULATE
                || configured.type() == SourceSettings.Kind.CAMERA && configured.camera().live()) {
            return;
        }
        while (running && outbox.pendingCount() >= settings.outbox().maxRecords()) {
            sleepUnlessStopping(ROOM_POLL);
        }
    }

    private void store(MeasuredInterval interval) throws IOException {
        Encoding encoding = settings.transport().encoding();
        long seq = outbox.append(s -> codec.encode(
                interval.toCountInterval(identity.deviceId(), s, identity.firmware()), encoding));
        produced.incrementAndGet();
        drainer.wake();
        LOG.debug("{}: interval {} ({} vehicles) stored as seq {}", identity.deviceId(), interval.start(),
                interval.total(), seq);
    }

    private CountPublisher publisher(TransportSettings transport) {
        if (transport.type() == TransportSettings.Kind.HTTP) {
            return new HttpCountPublisher(identity, new HttpCountPublisher.Settings(transport.uri(),
                    transport.encoding(), Duration.ofMillis(transport.connectTimeoutMs()),
                    Duration.ofMillis(transport.answerTimeoutMs()), tls(transport)));
        }
        if (transport.type() == TransportSettings.Kind.COAP) {
            return new CoapCountPublisher(identity, new CoapCountPublisher.Settings(transport.uri(),
                    transport.encoding(), Duration.ofMillis(2000), 4, Duration.ofMillis(transport.connectTimeoutMs())),
                    this::apply);
        }
        return new MqttCountPublisher(identity, new MqttCountPublisher.Settings(transport.uri().toString(),
                transport.encoding(), transport.window() + 16, Duration.ofMillis(transport.connectTimeoutMs()), 30,
                tls(transport)), this::apply);
    }

    private static TlsSettings tls(TransportSettings transport) {
        TransportSettings.Tls tls = transport.tls();
        return tls == null ? null : new TlsSettings(tls.truststore(), tls.truststorePassword(), tls.truststoreType());
    }

    /** Applies a configuration from the platform: the heartbeat at once, the interval length at the next boundary. */
    private void apply(DeviceConfig config) {
        StatusHeartbeat beat = heartbeat;
        if (beat != null) {
            beat.changePeriod(config.statusPeriodSeconds());
        }
        if (source != null && !source.changeIntervalLength(config.intervalSeconds())) {
            LOG.info("{}: the source has fixed intervals; interval length {} s ignored", identity.deviceId(),
                    config.intervalSeconds());
        }
    }

    private StatusReport status() {
        return new StatusReport(identity.deviceId(), now(), StatusReport.State.ONLINE, identity.firmware(),
                (long) outbox.pendingCount(), outbox.lastSeq(), uptimeSeconds(), sensor());
    }

    /** The detector's state for the status, when the source has a detector that can fail (a camera). */
    private StatusReport.Sensor sensor() {
        IntervalSource current = source;
        Optional<SensorHealth> health = current == null ? Optional.empty() : current.health();
        return health.map(h -> {
            Instant since = h.since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            return h.up() ? StatusReport.Sensor.ok(since) : StatusReport.Sensor.down(since, shortened(h.reason()));
        }).orElse(null);
    }

    private static String shortened(String reason) {
        if (reason == null || reason.length() <= org.roadpulse.protocol.Limits.MAX_SENSOR_REASON_LENGTH) {
            return reason;
        }
        return reason.substring(0, org.roadpulse.protocol.Limits.MAX_SENSOR_REASON_LENGTH - 1) + "…";
    }

    /** Status times in whole seconds: more would be noise in a heartbeat. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private long uptimeSeconds() {
        return Math.max(0, Duration.between(startedAt, clock.instant()).toSeconds());
    }

    private void sleepUnlessStopping(Duration duration) throws InterruptedException {
        if (stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("agent stopping");
        }
    }

    private void stopProducer() {
        stopping.countDown();
        IntervalSource current = source;
        if (current != null) {
            current.stopReading();
        }
        try {
            producer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            source.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the source: {}", identity.deviceId(), e.toString());
        }
        try {
            outbox.close();
        } catch (IOException e) {
            LOG.warn("{}: closing the outbox: {}", identity.deviceId(), e.toString());
        }
    }
}
