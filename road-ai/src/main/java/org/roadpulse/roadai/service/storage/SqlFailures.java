package org.roadpulse.roadai.service.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Tells a database outage (worth a retry) from a statement the database refused (a bug). */
final class SqlFailures {

    private SqlFailures() {
    }

    /**
     * An outage: SQLState class 08 (connection exception: refused, lost), 53 (insufficient resources, e.g. too many
     * connections) or 57 (operator intervention: the server shutting down, a cancelled statement), or a connection
     * exception without a state (the pool's timeout when no connection could be made at all).
     */
    static boolean isOutage(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57"))) {
            return true;
        }
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        return e.getCause() instanceof SQLException cause && cause != e && isOutage(cause);
    }

    static RuntimeException translate(SQLException e) {
        return isOutage(e) ? new StorageUnavailableException(e) : new StorageFaultException(e);
    }
}
