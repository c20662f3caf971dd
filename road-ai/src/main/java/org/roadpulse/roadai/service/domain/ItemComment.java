package org.roadpulse.roadai.service.domain;

import java.time.Instant;

/** A note a person left on an item. */
public record ItemComment(Instant at, String who, String text) {
}
