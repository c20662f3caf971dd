package org.roadpulse.roadai.service.domain;

import java.time.Instant;

/** One line of an item's audit trail: who did what when, and the status before and after (null when unchanged). */
public record ItemEvent(Instant at, String who, String action, String fromStatus, String toStatus, String detail) {
}
