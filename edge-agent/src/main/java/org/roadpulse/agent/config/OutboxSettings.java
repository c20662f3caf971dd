package org.roadpulse.agent.config;

import org.roadpulse.agent.outbox.Outbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * @param dir          the outbox folder, one per device (default {@code outbox/<device id>})
 * @param maxRecords   most unacknowledged intervals kept; beyond it the oldest is dropped (default
 *                     {@value Outbox#DEFAULT_MAX_RECORDS})
 * @param compactAfter acknowledged records that may pile up in the log before it is rewritten (default
 *                     {@value Outbox#DEFAULT_COMPACT_AFTER})
 */
public record OutboxSettings(Path dir, Integer maxRecords, Integer compactAfter) {

    public OutboxSettings {
        maxRecords = maxRecords == null ? Outbox.DEFAULT_MAX_RECORDS : maxRecords;
        compactAfter = compactAfter == null ? Outbox.DEFAULT_COMPACT_AFTER : compactAfter;
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (dir == null) {
            problems.add("outbox.dir is missing");
        }
        if (maxRecords < 1) {
            problems.add("outbox.maxRecords must be at least 1");
        }
        if (compactAfter < 1) {
            problems.add("outbox.compactAfter must be at least 1");
        }
        return problems;
    }
}
