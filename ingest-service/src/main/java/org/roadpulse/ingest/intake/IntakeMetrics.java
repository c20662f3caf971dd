package org.roadpulse.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import org.roadpulse.protocol.Reasons;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The intake's counters, exported at {@code /prometheus}: {@code roadpulse_intake_received_total{transport}},
 * {@code _stored_total}, {@code _duplicates_total}, {@code _unavailable_total} and
 * {@code _rejected_total{reason,transport}}. Created at startup, so the counters are scraped as 0 before traffic.
 */
@Context
public final class IntakeMetrics {

    private final MeterRegistry registry;
    private final Map<Transport, Counter> received = new EnumMap<>(Transport.class);
    private final Map<Transport, Counter> stored = new EnumMap<>(Transport.class);
    private final Map<Transport, Counter> duplicates = new EnumMap<>(Transport.class);
    private final Map<Transport, Counter> unavailable = new EnumMap<>(Transport.class);
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Transport transport : Transport.values()) {
            received.put(transport, counter("roadpulse.intake.received", "payloads that reached the intake",
                    transport));
            stored.put(transport, counter("roadpulse.intake.stored", "messages stored for the first time", transport));
            duplicates.put(transport, counter("roadpulse.intake.duplicates",
                    "messages acknowledged as already stored", transport));
            unavailable.put(transport, counter("roadpulse.intake.unavailable",
                    "messages not stored now (backpressure, database down); the device retries", transport));
        }
    }

    public void received(Transport transport) {
        received.get(transport).increment();
    }

    public void rejected(Transport transport, String reason) {
        rejected.computeIfAbsent(transport + "/" + reason, key -> Counter.builder("roadpulse.intake.rejected")
                .description("payloads refused, by reason")
                .tag("reason", reason)
                .tag("transport", transport.name().toLowerCase())
                .register(registry)).increment();
    }

    public void outcome(Transport transport, IntakeResult result) {
        if (result instanceof IntakeResult.Stored s) {
            (s.duplicate() ? duplicates : stored).get(transport).increment();
        } else if (result instanceof IntakeResult.Unavailable) {
            unavailable.get(transport).increment();
        } else if (result instanceof IntakeResult.Rejected r) {
            rejected(transport, r.rejection().reason());
        } else if (result instanceof IntakeResult.Throttled) {
            rejected(transport, Reasons.RATE_EXCEEDED);
        }
    }

    private Counter counter(String name, String description, Transport transport) {
        return Counter.builder(name).description(description).tag("transport", transport.name().toLowerCase())
                .register(registry);
    }
}
