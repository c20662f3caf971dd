package org.roadpulse.ingest.storage;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.roadpulse.ingest.intake.AcceptedCounts;
import org.roadpulse.protocol.CountInterval;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stores a batch of count messages in one transaction with four round trips: one statement claims the message
 * identities ({@code INSERT ... ON CONFLICT DO NOTHING RETURNING} learns which are new), one COPY writes the lanes of
 * the new messages only, one marks their hours for the rollups, and one adds them to the device summary. A failure rolls everything back.
 * Times travel as epoch numbers: parsing thousands of timestamp strings per batch is measurably slower.
 */
public final class PgCountStore implements CountStore {

    private static final String CLAIM_MESSAGES = """
            INSERT INTO count_message (device_id, seq, interval_start, length_s, scheme, firmware, transport,
                                       received_at)
            SELECT device, seq, to_timestamp(start_s), length_s, scheme, firmware, transport,
                   to_timestamp(received_ms / 1000.0)
            FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::integer[], ?::text[], ?::text[], ?::text[],
                        ?::bigint[]) AS m(device, seq, start_s, length_s, scheme, firmware, transport, received_ms)
            ORDER BY 1, 2
            ON CONFLICT (device_id, seq) DO NOTHING
            RETURNING device_id, seq""";
    private static final String COPY_RECORDS = "COPY count_record (" + CountRecordRows.COLUMNS + ") FROM STDIN";
    /** Marks the hours whose rollups must be recomputed (see Rollups); duplicates are harmless and never block. */
    private static final String MARK_DIRTY = """
            INSERT INTO rollup_dirty (device_id, hour)
            SELECT device, to_timestamp(hour_s) FROM unnest(?::text[], ?::bigint[]) AS d(device, hour_s)""";
    /** Ordered by device, so that concurrent writers lock summary rows in the same order and cannot deadlock. */
    private static final String ADD_TO_SUMMARY = """
            INSERT INTO device_activity AS a (device_id, stored_intervals, last_interval_start, last_stored_at)
            SELECT device, stored, to_timestamp(newest_s), now()
            FROM unnest(?::text[], ?::bigint[], ?::bigint[]) AS s(device, stored, newest_s)
            ORDER BY 1
            ON CONFLICT (device_id) DO UPDATE
                SET stored_intervals = a.stored_intervals + excluded.stored_intervals,
                    last_interval_start = greatest(a.last_interval_start, excluded.last_interval_start),
                    last_stored_at = excluded.last_stored_at""";

    private final DataSource dataSource;
    private final MonthlyPartitions partitions;

    public PgCountStore(DataSource dataSource, MonthlyPartitions partitions) {
        this.dataSource = dataSource;
        this.partitions = partitions;
    }

    @Override
    public Set<MessageKey> store(List<AcceptedCounts> messages) throws StorageException {
        if (messages.isEmpty()) {
            return Set.of();
        }
        try {
            partitions.ensure(messages.stream().map(m -> m.interval().start()).toList());
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    Set<MessageKey> fresh = claim(connection, messages);
                    if (!fresh.isEmpty()) {
                        copyRecords(connection, messages, fresh);
                        markDirty(connection, messages, fresh);
                        addToSummary(connection, messages, fresh);
                    }
                    connection.commit();
                    return fresh;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection, e);
                    throw e;
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw new StorageException("batch of " + messages.size() + " messages not stored: " + e.getMessage(), e);
        }
    }

    private static Set<MessageKey> claim(Connection connection, List<AcceptedCounts> messages) throws SQLException {
        int n = messages.size();
        String[] devices = new String[n];
        Long[] seqs = new Long[n];
        Long[] starts = new Long[n];
        Integer[] lengths = new Integer[n];
        String[] schemes = new String[n];
        String[] firmware = new String[n];
        String[] transports = new String[n];
        Long[] received = new Long[n];
        for (int i = 0; i < n; i++) {
            AcceptedCounts message = messages.get(i);
            CountInterval interval = message.interval();
            devices[i] = interval.deviceId();
            seqs[i] = interval.seq();
            starts[i] = interval.start().getEpochSecond();
            lengths[i] = interval.lengthSeconds();
            schemes[i] = interval.scheme().wireName();
            firmware[i] = interval.firmware();
            transports[i] = message.transport().name();
            received[i] = message.receivedAt().toEpochMilli();
        }
        Set<MessageKey> fresh = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(CLAIM_MESSAGES)) {
            statement.setArray(1, connection.createArrayOf("text", devices));
            statement.setArray(2, connection.createArrayOf("int8", seqs));
            statement.setArray(3, connection.createArrayOf("int8", starts));
            statement.setArray(4, connection.createArrayOf("int4", lengths));
            statement.setArray(5, connection.createArrayOf("text", schemes));
            statement.setArray(6, connection.createArrayOf("text", firmware));
            statement.setArray(7, connection.createArrayOf("text", transports));
            statement.setArray(8, connection.createArrayOf("int8", received));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    fresh.add(new MessageKey(rows.getString(1), rows.getLong(2)));
                }
            }
        }
        return fresh;
    }

    private static void copyRecords(Connection connection, List<AcceptedCounts> messages, Set<MessageKey> fresh)
            throws SQLException {
        StringBuilder rows = new StringBuilder(fresh.size() * 256);
        for (AcceptedCounts message : messages) {
            CountInterval interval = message.interval();
            if (fresh.contains(new MessageKey(interval.deviceId(), interval.seq()))) {
                CountRecordRows.append(interval, rows);
            }
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_RECORDS);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void markDirty(Connection connection, List<AcceptedCounts> messages, Set<MessageKey> fresh)
            throws SQLException {
        record DeviceHour(String device, long startSecond) {
        }
        Set<DeviceHour> hours = new HashSet<>();
        for (AcceptedCounts message : messages) {
            CountInterval interval = message.interval();
            if (fresh.contains(new MessageKey(interval.deviceId(), interval.seq()))) {
                // Intervals lie on their grid and are at most an hour long, so each falls in one UTC hour.
                long hour = Math.floorDiv(interval.start().getEpochSecond(), 3600) * 3600;
                hours.add(new DeviceHour(interval.deviceId(), hour));
            }
        }
        String[] devices = hours.stream().map(DeviceHour::device).toArray(String[]::new);
        Long[] starts = hours.stream().map(DeviceHour::startSecond).toArray(Long[]::new);
        try (PreparedStatement statement = connection.prepareStatement(MARK_DIRTY)) {
            statement.setArray(1, connection.createArrayOf("text", devices));
            statement.setArray(2, connection.createArrayOf("int8", starts));
            statement.executeUpdate();
        }
    }

    private static void addToSummary(Connection connection, List<AcceptedCounts> messages, Set<MessageKey> fresh)
            throws SQLException {
        Map<String, long[]> perDevice = new TreeMap<>(); // device -> {stored, newest start}
        for (AcceptedCounts message : messages) {
            CountInterval interval = message.interval();
            if (fresh.contains(new MessageKey(interval.deviceId(), interval.seq()))) {
                long[] summary = perDevice.computeIfAbsent(interval.deviceId(), d -> new long[]{0, Long.MIN_VALUE});
                summary[0]++;
                summary[1] = Math.max(summary[1], interval.start().getEpochSecond());
            }
        }
        String[] devices = perDevice.keySet().toArray(String[]::new);
        Long[] stored = perDevice.values().stream().map(v -> v[0]).toArray(Long[]::new);
        Long[] newest = perDevice.values().stream().map(v -> v[1]).toArray(Long[]::new);
        try (PreparedStatement statement = connection.prepareStatement(ADD_TO_SUMMARY)) {
            statement.setArray(1, connection.createArrayOf("text", devices));
            statement.setArray(2, connection.createArrayOf("int8", stored));
            statement.setArray(3, connection.createArrayOf("int8", newest));
            statement.executeUpdate();
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /** The COPY statement the store uses, for the benchmark that compares it with raw COPY. */
    static String copyStatement() {
        return COPY_RECORDS;
    }
}
