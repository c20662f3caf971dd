package org.roadpulse.roadai.service.storage;

import java.sql.SQLException;

/**
 * The database cannot be reached or lost the connection (an outage, see {@link SqlFailures#isOutage}): the service
 * answers 503, the caller may retry.
 */
public final class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(SQLException cause) {
        super("database unavailable: " + cause.getMessage(), cause);
    }
}
