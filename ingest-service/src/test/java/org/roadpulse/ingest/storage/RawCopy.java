package org.roadpulse.ingest.storage;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.roadpulse.protocol.CountInterval;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;

/**
 * The baseline of the writer benchmarks: the same rows COPYed straight into {@code count_record}, in batches of the
 * same size, one transaction each — no identity claims, no duplicate check, no summary. The fastest PostgreSQL
 * can take them.
 */
public final class RawCopy {

    private RawCopy() {
    }

    /** @return seconds taken */
    public static double copy(DataSource dataSource, List<CountInterval> intervals, int batchSize) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < intervals.size(); from += batchSize) {
                StringBuilder text = new StringBuilder();
                for (CountInterval interval : intervals.subList(from, Math.min(intervals.size(), from + batchSize))) {
                    CountRecordRows.append(interval, text);
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(PgCountStore.copyStatement());
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
                connection.commit();
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
