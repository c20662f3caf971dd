package org.roadpulse.ingest;

import io.micronaut.runtime.Micronaut;

/**
 * The ingest service: count intake over MQTT, CoAP and HTTP into PostgreSQL, the device registry and the live page.
 * With no settings it starts its own PostgreSQL and MQTT broker with data below {@code ./data}.
 */
public final class IngestApplication {

    private IngestApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(IngestApplication.class).start();
    }
}
