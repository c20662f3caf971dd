package org.roadpulse.ingest.storage;

import org.roadpulse.ingest.intake.AcceptedCounts;

import java.util.List;
import java.util.Set;

/** Where count messages are kept: all of a batch, or none of it. */
public interface CountStore {

    /**
     * Stores the messages not stored before, in one transaction.
     *
     * @param messages distinct by {@link MessageKey}
     * @return the keys that were new; the others were already stored (duplicates)
     */
    Set<MessageKey> store(List<AcceptedCounts> messages) throws StorageException;
}
