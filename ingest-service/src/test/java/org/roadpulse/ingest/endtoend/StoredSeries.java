package org.roadpulse.ingest.endtoend;

import org.roadpulse.ingest.testing.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the database holds for one device, and the checks that say "nothing lost, nothing doubled". */
record StoredSeries(TestDatabase db, String deviceId) {

    /** Messages 1..n, each once, and for every message its lane rows once. */
    void holdsEverySeqOnceUpTo(long lastSeq, int rowsPerInterval) {
        assertThat(db.number("SELECT count(*) FROM count_message WHERE device_id = ?", deviceId)).isEqualTo(lastSeq);
        assertThat(db.number("SELECT min(seq) FROM count_message WHERE device_id = ?", deviceId)).isEqualTo(1);
        assertThat(db.number("SELECT max(seq) FROM count_message WHERE device_id = ?", deviceId)).isEqualTo(lastSeq);
        assertThat(db.number("SELECT count(*) FROM count_record WHERE device_id = ?", deviceId))
                .isEqualTo(lastSeq * rowsPerInterval);
        assertThat(db.number("""
                SELECT count(*) FROM (SELECT interval_start, lane, direction FROM count_record WHERE device_id = ?
                                      GROUP BY 1, 2, 3 HAVING count(*) > 1) doubled""", deviceId)).isZero();
    }

    /** Count and checksum of what is stored, to compare with what the device sent ({@link SeriesChecksum}). */
    SeriesChecksum checksum() {
        List<String> laneRows = db.rows("""
                SELECT seq, extract(epoch FROM interval_start)::bigint, lane, direction, total, heavy
                FROM count_record WHERE device_id = ?""", deviceId).stream()
                .map(row -> SeriesChecksum.laneRow(((Number) row.get(0)).longValue(),
                        ((Number) row.get(1)).longValue(), ((Number) row.get(2)).intValue(), (String) row.get(3),
                        ((Number) row.get(4)).longValue(), ((Number) row.get(5)).longValue()))
                .toList();
        return SeriesChecksum.of(db.number("SELECT count(*) FROM count_message WHERE device_id = ?", deviceId),
                laneRows);
    }

    /** Every stored lane row as "start lane direction total heavy", in order: a checksum to compare two series. */
    List<String> rows() {
        return db.rows("""
                SELECT interval_start, lane, direction, total, heavy FROM count_record WHERE device_id = ?
                ORDER BY interval_start, lane, direction""", deviceId).stream()
                .map(row -> row.get(0) + " " + row.get(1) + " " + row.get(2) + " " + row.get(3) + " " + row.get(4))
                .toList();
    }
}
