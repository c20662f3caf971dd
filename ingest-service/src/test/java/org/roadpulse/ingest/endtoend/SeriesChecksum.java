package org.roadpulse.ingest.endtoend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One device's intervals boiled down to what "stored equals sent" compares: how many messages, how many lane rows,
 * and a SHA-256 over every lane row as {@code "seq start lane direction total heavy"} (sorted, so the order of rows
 * does not matter). A lost, doubled or altered interval changes at least one of the three.
 */
record SeriesChecksum(long messages, long rows, String sha256) {

    static SeriesChecksum of(long messages, List<String> laneRows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            laneRows.stream().sorted().forEach(row -> digest.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
            return new SeriesChecksum(messages, laneRows.size(), HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String laneRow(long seq, long startEpochSecond, int lane, String direction, long total, long heavy) {
        return seq + " " + startEpochSecond + " " + lane + " " + direction + " " + total + " " + heavy;
    }
}
