package org.roadpulse.agent.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The outbox folder on disk: the lock that keeps a second writer out, the append-only log, and its atomic rewrite
 * (write a temporary file, sync it, rename it over the log, sync the folder).
 */
final class OutboxFiles implements AutoCloseable {

    static final String LOG_FILE = "outbox.log";
    private static final String LOCK_FILE = "outbox.lock";
    private static final String REWRITE_FILE = "outbox.log.tmp";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxFiles.class);

    private final Path dir;
    private final Path logFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel log;

    private OutboxFiles(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.logFile = dir.resolve(LOG_FILE);
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Locks the folder (creating it) and removes what an interrupted rewrite left; the log itself stays as it was. */
    static OutboxFiles lock(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new OutboxLockedException(dir);
        }
        OutboxFiles files = new OutboxFiles(dir, channel, lock);
        // A rewrite that did not reach its rename leaves the old, complete log in place: the temporary file is junk.
        Files.deleteIfExists(dir.resolve(REWRITE_FILE));
        return files;
    }

    /** The log's bytes as they are on disk (empty if there is no log yet); works without the lock. */
    static byte[] read(Path dir) throws IOException {
        Path file = dir.resolve(LOG_FILE);
        return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    }

    /** Opens the log for appending, creating it if needed. */
    void openLog() throws IOException {
        boolean created = !Files.exists(logFile);
        log = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (created) {
            syncDirectory();
        }
    }

    /** Appends records in one write; with {@code durable}, returns only once they are on disk. */
    void append(List<byte[]> records, boolean durable) throws IOException {
        writeFully(log, records);
        if (durable) {
            log.force(false);
        }
    }

    void sync() throws IOException {
        log.force(false);
    }

    /** Replaces the log with exactly {@code records}, atomically: a crash leaves either the old log or the new. */
    void rewrite(List<byte[]> records) throws IOException {
        if (log != null) {
            log.close();
        }
        Path temporary = dir.resolve(REWRITE_FILE);
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeFully(out, records);
            out.force(true);
        }
        Files.move(temporary, logFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
        openLog();
    }

    @Override
    public void close() throws IOException {
        try {
            if (log != null) {
                log.close();
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private static void writeFully(FileChannel channel, List<byte[]> records) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(records.stream().mapToInt(r -> r.length).sum());
        records.forEach(buffer::put);
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename is still atomic there.
            LOG.debug("cannot sync directory {}: {}", dir, e.getMessage());
        }
    }
}
