package org.roadpulse.roadai.service.domain;

import java.time.Instant;

/**
 * One line of a municipality's audit trail: a change to its settings ({@code weights.set}, {@code roads.imported};
 * {@code itemId} null) or an action on one of its items.
 */
public record AuditEntry(Instant at, String who, String action, Long itemId, String detail) {
}
