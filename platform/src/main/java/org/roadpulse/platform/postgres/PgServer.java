package org.roadpulse.platform.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The PostgreSQL a RoadPulse service stores into: an external server given by URL, or the embedded one (zonky's
 * binaries) it starts itself, the zero-setup default. The ingest service and the road-AI queue each run one. The
 * embedded server keeps its data in a folder that survives restarts and, unless told otherwise, runs with durable
 * settings: zonky's own defaults turn fsync and synchronous commit off, which is right for tests and wrong for data
 * someone relies on.
 */
public final class PgServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

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

    /**
     * Starts PostgreSQL on {@code dataDirectory}, creating the cluster only when the folder holds none yet, and
     * makes sure a role and a database named {@code username} exist.
     *
     * @param port    the port to listen on (localhost only); 0 picks a free one
     * @param durable fsync, synchronous commit and full-page writes on; off only for tests
     */
    public static PgServer startEmbedded(Path dataDirectory, int port, boolean durable, String username,
                                         String password) throws IOException {
        if (!IDENTIFIER.matcher(username).matches()) {
            throw new IllegalArgumentException("database user name must match " + IDENTIFIER + ": " + username);
        }
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        if (durable) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        try {
            createRoleAndDatabase(postgres, username, password);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("could not prepare the embedded database", e);
        }
        LOG.info("Embedded PostgreSQL on port {} with data in {} ({})", postgres.getPort(),
                dataDirectory.toAbsolutePath(), durable ? "durable" : "NOT durable: fsync off");
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + username;
        return new PgServer(url, username, password, postgres);
    }

    private static void createRoleAndDatabase(EmbeddedPostgres postgres, String name, String password)
            throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
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

    public boolean embedded() {
        return embedded != null;
    }

    /** Stops the embedded server (its data stays); nothing for an external one. */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
