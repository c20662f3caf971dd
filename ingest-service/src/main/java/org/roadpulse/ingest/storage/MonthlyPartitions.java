package org.roadpulse.ingest.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates the monthly partitions of {@code count_record} (UTC months) before rows arrive for them, so that late data
 * from a device that was offline for months lands in its own partition. Does nothing when {@code count_record} is
 * not declaratively partitioned (a TimescaleDB hypertable makes its own chunks).
 *
 * <p>Should rows of a month already sit in the default partition (written by other means), they are moved into the
 * new partition in the same transaction that attaches it: PostgreSQL refuses a partition that the default one
 * overlaps.
 */
public final class MonthlyPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyPartitions.class);
    private static final String CHECK_VIOLATION = "23514";

    private final DataSource dataSource;
    private final boolean partitioned;
    private final Set<YearMonth> present = ConcurrentHashMap.newKeySet();

    public MonthlyPartitions(DataSource dataSource, Clock clock) throws SQLException {
        this.dataSource = dataSource;
        this.partitioned = isPartitioned();
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        ensureMonths(Set.of(now, now.plusMonths(1)));
    }

    /** Makes sure every interval start has its partition. */
    public void ensure(Collection<Instant> starts) throws SQLException {
        if (!partitioned) {
            return;
        }
        Set<YearMonth> missing = null;
        for (Instant start : starts) {
            YearMonth month = YearMonth.from(start.atOffset(ZoneOffset.UTC));
            if (!present.contains(month)) {
                if (missing == null) {
                    missing = new HashSet<>();
                }
                missing.add(month);
            }
        }
        if (missing != null) {
            ensureMonths(missing);
        }
    }

    public boolean partitioned() {
        return partitioned;
    }

    static String partitionName(YearMonth month) {
        return String.format("count_record_y%04dm%02d", month.getYear(), month.getMonthValue());
    }

    private void ensureMonths(Set<YearMonth> months) throws SQLException {
        if (!partitioned) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (YearMonth month : months) {
                if (!present.contains(month)) {
                    create(connection, month);
                    present.add(month);
                }
            }
        }
    }

    private void create(Connection connection, YearMonth month) throws SQLException {
        String name = partitionName(month);
        String bounds = "FOR VALUES FROM ('" + month.atDay(1) + "T00:00:00Z') TO ('"
                + month.plusMonths(1).atDay(1) + "T00:00:00Z')";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF count_record " + bounds);
        } catch (SQLException e) {
            if (CHECK_VIOLATION.equals(e.getSQLState())) {
                moveOutOfDefault(connection, month, name, bounds);
            } else if (!exists(connection, name)) {
                throw e;
            } // else another instance created it at the same moment
        }
    }

    private void moveOutOfDefault(Connection connection, YearMonth month, String name, String bounds)
            throws SQLException {
        String from = "'" + month.atDay(1) + "T00:00:00Z'";
        String to = "'" + month.plusMonths(1).atDay(1) + "T00:00:00Z'";
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + name + " (LIKE count_record INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            int moved = statement.executeUpdate("WITH moved AS (DELETE FROM count_record_default"
                    + " WHERE interval_start >= " + from + " AND interval_start < " + to + " RETURNING *)"
                    + " INSERT INTO " + name + " SELECT * FROM moved");
            statement.execute("ALTER TABLE count_record ATTACH PARTITION " + name + " " + bounds);
            connection.commit();
            LOG.warn("Moved {} rows of {} out of the default partition into {}", moved, month, name);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private boolean isPartitioned() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT 1 FROM pg_partitioned_table WHERE partrelid = 'count_record'::regclass")) {
            return rows.next();
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            return rows.next() && rows.getBoolean(1);
        }
    }
}
