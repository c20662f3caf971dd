package org.roadpulse.agent.outbox;

import java.io.IOException;
import java.nio.file.Path;

/** Another agent (or this one, twice) already uses the outbox folder: two writers would interleave their records. */
public final class OutboxLockedException extends IOException {

    public OutboxLockedException(Path dir) {
        super("outbox " + dir + " is in use by another agent");
    }
}
