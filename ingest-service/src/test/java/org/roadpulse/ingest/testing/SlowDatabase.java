package org.roadpulse.ingest.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Makes the real database slow, the way a saturated disk or an overloaded server is: a trigger that sleeps in
 * PostgreSQL for every count message claimed (row-level, so a batch of 1,000 takes 1,000 times as long). The service
 * is not told; it only sees its transactions take longer.
 */
public final class SlowDatabase {

    private SlowDatabase() {
    }

    /** From now on every row inserted into {@code count_message} costs {@code perMessage} more. */
    public static void slowDown(DataSource db, Duration perMessage) throws SQLException {
        double seconds = perMessage.toNanos() / 1e9;
        execute(db, "CREATE OR REPLACE FUNCTION roadpulse_test_slow_claim() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN PERFORM pg_sleep(" + seconds + "); RETURN NEW; END $$");
        execute(db, "DROP TRIGGER IF EXISTS roadpulse_test_slow_claim ON count_message");
        execute(db, "CREATE TRIGGER roadpulse_test_slow_claim BEFORE INSERT ON count_message"
                + " FOR EACH ROW EXECUTE FUNCTION roadpulse_test_slow_claim()");
    }

    /** Back to full speed. */
    public static void recover(DataSource db) throws SQLException {
        execute(db, "DROP TRIGGER IF EXISTS roadpulse_test_slow_claim ON count_message");
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
