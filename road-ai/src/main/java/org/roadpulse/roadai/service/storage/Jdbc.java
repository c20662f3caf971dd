package org.roadpulse.roadai.service.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work on one connection, in one transaction: all of it is stored or none (an image with its detections and
 * items, an action with its audit event). A database that cannot be reached is a {@link StorageUnavailableException},
 * a statement it refuses a {@link StorageFaultException}.
 */
public final class Jdbc {

    /** Work that needs the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(e);
        }
    }

    public <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw SqlFailures.translate(e);
        }
    }

    /** A rollback that fails (the connection is gone) must not hide why the work failed. */
    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
