package org.roadpulse.ingest.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.roadpulse.ingest.intake.DeadLetter;
import org.roadpulse.ingest.intake.DeadLetterSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes dead letters on its own thread, in batches, apart from the count writer: a flood of bad payloads can
 * neither slow nor fail the good ones. When the database is down it retries the batch in hand; when its queue
 * is full it drops new letters and counts them ({@code roadpulse.intake.dead_letters.dropped}). A letter the
 * database refuses for its content is dropped alone and counted the same way, so it cannot hold up the others.
 */
public final class PgDeadLetterStore implements DeadLetterSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgDeadLetterStore.class);
    /** At most 16 KiB each: this bounds the memory a flood of bad payloads can take. */
    private static final int CAPACITY = 2_000;
    private static final int BATCH = 500;
    private static final String INSERT = "INSERT INTO dead_letter (received_at, transport, claimed_device, reason,"
            + " field, message, payload) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final BlockingQueue<DeadLetter> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Counter dropped;
    private final Counter written;
    private final Thread thread;
    private volatile boolean running = true;

    public PgDeadLetterStore(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.dropped = Counter.builder("roadpulse.intake.dead_letters.dropped")
                .description("dead letters not kept because their queue was full").register(meters);
        this.written = Counter.builder("roadpulse.intake.dead_letters.written")
                .description("dead letters kept in the database").register(meters);
        this.thread = new Thread(this::run, "dead-letter-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void keep(DeadLetter letter) {
        if (!queue.offer(letter)) {
            dropped.increment();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<DeadLetter> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            try {
                insert(rest);
            } catch (SQLException e) {
                LOG.warn("{} dead letters lost at shutdown: {}", rest.size(), e.getMessage());
            }
        }
    }

    private void run() {
        List<DeadLetter> batch = new ArrayList<>(BATCH);
        long backoffMs = 500;
        while (running) {
            try {
                if (batch.isEmpty()) {
                    DeadLetter first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                insert(batch);
                batch.clear();
                backoffMs = 500;
            } catch (InterruptedException e) {
                break;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("{} dead letters not written yet, retrying in {} ms: {}", batch.size(), backoffMs,
                        e.getMessage());
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException interrupted) {
                    break;
                }
                backoffMs = Math.min(backoffMs * 2, 30_000);
            }
        }
        queue.addAll(batch.subList(0, Math.min(batch.size(), queue.remainingCapacity())));
    }

    private void insert(List<DeadLetter> letters) throws SQLException {
        try {
            insertAll(letters);
        } catch (SQLException e) {
            if (!refusedForContent(e)) {
                throw e;
            }
            insertOneByOne(letters);
        }
    }

    /** After the database refused a batch for what is in it: each letter alone, the refused ones dropped. */
    private void insertOneByOne(List<DeadLetter> letters) throws SQLException {
        for (DeadLetter letter : letters) {
            try {
                insertAll(List.of(letter));
            } catch (SQLException e) {
                if (!refusedForContent(e)) {
                    throw e;
                }
                LOG.warn("dead letter of {} ({}) dropped, the database refuses it: {}", letter.claimedDevice(),
                        letter.rejection().reason(), e.getMessage());
                dropped.increment();
            }
        }
    }

    private void insertAll(List<DeadLetter> letters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (DeadLetter letter : letters) {
                statement.setObject(1, letter.receivedAt().atOffset(ZoneOffset.UTC));
                statement.setString(2, letter.transport().name());
                statement.setString(3, storable(letter.claimedDevice()));
                statement.setString(4, storable(letter.rejection().reason()));
                statement.setString(5, storable(letter.rejection().field()));
                statement.setString(6, storable(letter.rejection().message()));
                statement.setBytes(7, letter.payload());
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
        }
        written.increment(letters.size());
    }

    /**
     * PostgreSQL's text cannot hold U+0000, and a rejection's field and message may quote what a device sent (a
     * class name, a token): NUL becomes U+FFFD. The payload itself is kept byte for byte.
     */
    static String storable(String text) {
        return text == null ? null : text.replace('\0', '\uFFFD');
    }

    /** SQLState class 22 (data exception) or 23 (integrity): retrying the same rows would fail again. */
    private static boolean refusedForContent(SQLException e) {
        for (SQLException sql = e; sql != null; sql = sql.getNextException()) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
