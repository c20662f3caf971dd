package org.roadpulse.roadai.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

    @Test
    void connectionLossesAndShutdownsAreOutages() {
        assertThat(SqlFailures.translate(new SQLException("refused", "08001")))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(SqlFailures.translate(new SQLException("lost", "08006")))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(SqlFailures.translate(new SQLException("admin shutdown", "57P01")))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(SqlFailures.translate(new SQLTransientConnectionException("pool timed out")))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void refusedStatementsAreFaults() {
        assertThat(SqlFailures.translate(new SQLException("duplicate key", "23505")))
                .isInstanceOf(StorageFaultException.class);
        assertThat(SqlFailures.translate(new SQLException("syntax", "42601")))
                .isInstanceOf(StorageFaultException.class);
        assertThat(SqlFailures.translate(new SQLException("no state"))).isInstanceOf(StorageFaultException.class);
    }
}
