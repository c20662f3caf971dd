package org.roadpulse.roadai.service.storage;

import java.sql.SQLException;

/**
 * The database was there and refused a statement (a constraint, a type, a syntax error): a bug in the service, not
 * an outage, so retrying will not help. Answered 500 and logged with its stack.
 */
public final class StorageFaultException extends RuntimeException {
    public StorageFaultException(SQLException cause) {
        super("database refused the statement (SQLState " + cause.getSQLState() + "): " + cause.getMessage(), cause);
    }
}
