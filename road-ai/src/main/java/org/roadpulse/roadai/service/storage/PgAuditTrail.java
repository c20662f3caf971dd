package org.roadpulse.roadai.service.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.service.domain.AuditEntry;

/**
 * A municipality's audit trail: its own setting changes ({@code municipality_event}), written in the same
 * transaction as the change, read together with its items' events.
 */
public final class PgAuditTrail {

    private final Jdbc jdbc;

    public PgAuditTrail(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    static void record(Connection c, String ags, Instant at, String who, String action, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO municipality_event (municipality, at, who, action, "
                + "detail) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, ags);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, who);
            s.setString(4, action);
            s.setString(5, detail);
            s.executeUpdate();
        }
    }

    /** An action that is not itself one transaction, e.g. an image import (each image is its own). */
    public void add(String ags, Instant at, String who, String action, String detail) {
        jdbc.inTransaction(c -> {
            record(c, ags, at, who, action, detail);
            return null;
        });
    }

    /** The newest {@code limit} entries of the municipality, settings and item actions together, newest first. */
    public List<AuditEntry> of(String ags, int limit) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT at, who, action, NULL::bigint AS item_id, detail "
                    + "FROM municipality_event WHERE municipality = ? "
                    + "UNION ALL SELECT at, who, action, item_id, concat_ws(' ', "
                    + "CASE WHEN to_status IS NOT NULL THEN lower(from_status) || ' → ' || lower(to_status) END, detail) "
                    + "FROM item_event WHERE municipality = ? ORDER BY at DESC LIMIT ?")) {
                s.setString(1, ags);
                s.setString(2, ags);
                s.setInt(3, limit);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        entries.add(new AuditEntry(r.getTimestamp("at").toInstant(), r.getString("who"),
                                r.getString("action"), r.getObject("item_id", Long.class),
                                emptyToNull(r.getString("detail"))));
                    }
                }
                return entries;
            }
        });
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
