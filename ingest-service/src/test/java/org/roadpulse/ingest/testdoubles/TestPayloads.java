package org.roadpulse.ingest.testdoubles;

import java.nio.charset.StandardCharsets;

/** Count payloads shaped like contract v1. The intake here is a double, so only their bytes and seq matter. */
public final class TestPayloads {

    private TestPayloads() {
    }

    public static byte[] countsJson(String deviceId, long seq) {
        return ("{\"v\":1,\"device\":\"" + deviceId + "\",\"seq\":" + seq + ",\"start\":\"2025-03-03T08:00:00Z\","
                + "\"end\":\"2025-03-03T08:05:00Z\",\"fw\":\"test-1\",\"scheme\":\"8+1\",\"lanes\":[{\"lane\":1,"
                + "\"dir\":\"forward\",\"counts\":{\"Pkw\":42,\"Lkw\":3}}]}").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] statusJson(String deviceId) {
        return ("{\"v\":1,\"device\":\"" + deviceId + "\",\"at\":\"2025-03-03T08:05:01Z\",\"state\":\"online\","
                + "\"fw\":\"test-1\",\"outbox\":0,\"lastSeq\":7}").getBytes(StandardCharsets.UTF_8);
    }
}
