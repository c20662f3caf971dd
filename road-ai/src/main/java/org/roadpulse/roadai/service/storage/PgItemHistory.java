package org.roadpulse.roadai.service.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.service.domain.ItemComment;
import org.roadpulse.roadai.service.domain.ItemEvent;

/** An item's audit trail and comments: appended, never changed. */
public final class PgItemHistory {

    private final Jdbc jdbc;

    public PgItemHistory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Connection c, String ags, long itemId, ItemEvent e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO item_event (municipality, item_id, at, who, action, "
                + "from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, ags);
            s.setLong(2, itemId);
            s.setTimestamp(3, Timestamp.from(e.at()));
            s.setString(4, e.who());
            s.setString(5, e.action());
            s.setString(6, e.fromStatus());
            s.setString(7, e.toStatus());
            s.setString(8, e.detail());
            s.executeUpdate();
        }
    }

    public void comment(Connection c, String ags, long itemId, ItemComment comment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO item_comment (municipality, item_id, at, who, text) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, ags);
            s.setLong(2, itemId);
            s.setTimestamp(3, Timestamp.from(comment.at()));
            s.setString(4, comment.who());
            s.setString(5, comment.text());
            s.executeUpdate();
        }
    }

    public List<ItemEvent> events(String ags, long itemId) {
        return jdbc.read(c -> {
            List<ItemEvent> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT at, who, action, from_status, to_status, detail "
                    + "FROM item_event WHERE municipality = ? AND item_id = ? ORDER BY at, id")) {
                s.setString(1, ags);
                s.setLong(2, itemId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(new ItemEvent(r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3),
                                r.getString(4), r.getString(5), r.getString(6)));
                    }
                }
            }
            return found;
        });
    }

    public List<ItemComment> comments(String ags, long itemId) {
        return jdbc.read(c -> {
            List<ItemComment> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT at, who, text FROM item_comment "
                    + "WHERE municipality = ? AND item_id = ? ORDER BY at, id")) {
                s.setString(1, ags);
                s.setLong(2, itemId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(new ItemComment(r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3)));
                    }
                }
            }
            return found;
        });
    }
}
