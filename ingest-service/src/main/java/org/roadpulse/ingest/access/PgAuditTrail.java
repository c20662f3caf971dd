package org.roadpulse.ingest.access;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail in PostgreSQL ({@code audit_entry}): appended to, never changed. A reader sees the entries of
 * their municipalities; platform-wide entries (no municipality) only an operator.
 */
public final class PgAuditTrail implements AuditTrail {

    private final DataSource dataSource;

    public PgAuditTrail(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(AuditEntry entry) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO audit_entry (at, actor, action, subject, municipality, detail)
                     VALUES (?, ?, ?, ?, ?, ?)""")) {
            statement.setTimestamp(1, Timestamp.from(entry.at()));
            statement.setString(2, entry.actor());
            statement.setString(3, entry.action());
            statement.setString(4, entry.subject());
            statement.setString(5, entry.municipality());
            statement.setString(6, entry.detail());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail unavailable: " + e.getMessage(), e);
        }
    }

    /** The newest entries first, at most {@code limit}. */
    public List<AuditEntry> newest(Visibility visibility, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT id, at, actor, action, subject, municipality, detail FROM audit_entry
                     WHERE (? OR municipality = ANY (?::char(8)[])) ORDER BY at DESC, id DESC LIMIT ?""")) {
            PgPeople.bind(statement, 1, visibility);
            statement.setInt(3, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getLong("id"), rows.getTimestamp("at").toInstant(),
                            rows.getString("actor"), rows.getString("action"), rows.getString("subject"),
                            rows.getString("municipality"), rows.getString("detail")));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail unavailable: " + e.getMessage(), e);
        }
    }
}
