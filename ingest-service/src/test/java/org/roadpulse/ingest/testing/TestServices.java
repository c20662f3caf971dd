package org.roadpulse.ingest.testing;

import java.nio.file.Path;
import java.util.Map;

/** Settings that keep a service under test to itself: its own data folder, random ports, CoAP off. */
public final class TestServices {

    private TestServices() {
    }

    public static Map<String, Object> quietProperties(Path dataDir) {
        return Map.of(
                "roadpulse.data-dir", dataDir.toString(),
                "micronaut.server.port", -1,
                "roadpulse.broker.embedded-port", 0,
                "roadpulse.coap.port", -1,
                "roadpulse.coap.dtls-port", -1);
    }
}
