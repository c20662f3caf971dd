package org.roadpulse.ingest.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.roadpulse.platform.postgres.PgServer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A PostgreSQL of a test's own (the service's embedded kind, {@link PgServer}), for a test that stops it and starts it
 * again under a running service or writer: same port, same data folder, so they find it where it was. Not the
 * {@link TestPostgres} the other tests share, which must not go away under them. Non-durable (fsync off) for speed;
 * a stop is PostgreSQL's fast shutdown, which still writes everything committed.
 */
public final class RestartablePostgres implements AutoCloseable {

    private static final String USER = "roadpulse";
    private static final String PASSWORD = "restartable-postgres";

    private final Path dataDir;
    private final int port;
    private final TestDatabase db;
    private PgServer server;
    private boolean running = true;

    private RestartablePostgres(Path dataDir, int port, PgServer server) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(2000);
        this.db = new TestDatabase(server.jdbcUrl(), USER, new HikariDataSource(config));
    }

    /** Starts a new cluster in {@code dataDir} on a free loopback port; its database is empty until a service migrates it. */
    public static RestartablePostgres start(Path dataDir) throws IOException {
        int port = FreePorts.any();
        return new RestartablePostgres(dataDir, port, PgServer.startEmbedded(dataDir, port, false, USER, PASSWORD));
    }

    /** The database a service stores into, with a pool of the test's own for queries (not while stopped). */
    public TestDatabase database() {
        return db;
    }

    public String password() {
        return PASSWORD;
    }

    public void stop() throws IOException {
        if (running) {
            running = false;
            server.close();
        }
    }

    public void startAgain() throws IOException {
        server = PgServer.startEmbedded(dataDir, port, false, USER, PASSWORD);
        running = true;
    }

    @Override
    public void close() throws IOException {
        db.close();
        stop();
    }
}
