package org.roadpulse.roadai.service.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the queue lives in: an external server given by URL, or the embedded one started here. The embedded
 * server keeps its cluster in a folder that survives restarts and runs durable (fsync and synchronous commit on;
 * zonky's defaults turn them off, which suits tests only).
 */
public final class PgServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PgServer(String jdbcUrl, String username, String password, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    public static PgServer external(String jdbcUrl, String username, String password) {
        return new PgServer(jdbcUrl, username, password, null);
    }

    /** Starts the embedded server on the folder (creating the cluster only once) with a role and database {@code user}. */
    public static PgServer embedded(Path folder, int port, boolean durable, String user, String password)
            throws IOException {
        if (!user.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database user must be a plain lower-case identifier: " + user);
        }
        Files.createDirectories(folder);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(folder)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                s.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", user)) {
                s.execute("CREATE DATABASE " + user + " OWNER " + user);
            }
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("could not prepare the embedded database", e);
        }
        LOG.info("Embedded PostgreSQL on port {}, data in {} ({})", postgres.getPort(), folder.toAbsolutePath(),
                durable ? "durable" : "NOT durable");
        return new PgServer("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + user, user, password, postgres);
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
