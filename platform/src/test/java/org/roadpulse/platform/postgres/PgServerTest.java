package org.roadpulse.platform.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgServerTest {

    @TempDir
    Path folder;

    @Test
    void embeddedServerKeepsItsDataAcrossRestarts() throws Exception {
        // GIVEN a durable embedded server with a row stored
        try (PgServer server = PgServer.startEmbedded(folder, 0, true, "roadpulse", "secret")) {
            try (Connection c = connect(server); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (value TEXT)");
                s.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        // WHEN it is started again on the same folder
        try (PgServer server = PgServer.startEmbedded(folder, 0, true, "roadpulse", "secret");
             Connection c = connect(server); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT value FROM kept")) {
            // THEN the row is there, and the server runs durable
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(server.embedded()).isTrue();
        }
    }

    @Test
    void refusesAUserNameThatIsNoPlainIdentifier() {
        assertThatThrownBy(() -> PgServer.startEmbedded(folder, 0, false, "road; DROP", "secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("road; DROP");
    }

    @Test
    void anExternalServerIsOnlyAnAddress() throws Exception {
        try (PgServer server = PgServer.external("jdbc:postgresql://db.example:5432/roadpulse", "rp", "pw")) {
            assertThat(server.embedded()).isFalse();
            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/roadpulse");
        }
    }

    private static Connection connect(PgServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
