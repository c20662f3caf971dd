package org.roadpulse.roadai.service.storage;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.roadpulse.roadai.maintenance.ConditionGrade;
import org.roadpulse.roadai.maintenance.DamageKind;
import org.roadpulse.roadai.maintenance.ItemStatus;
import org.roadpulse.roadai.service.domain.MaintenanceItem;

/** The maintenance items of each municipality. Every read and write names the municipality. */
public final class PgItems {

    private static final String COLUMNS = "id, municipality, kind, segment_id, section, latitude, longitude, status, "
            + "grade, largest_pothole_m2, confidence, first_seen, last_seen, assignee, scheduled_for, crew";

    private final Jdbc jdbc;

    public PgItems(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<MaintenanceItem> of(String ags) {
        return jdbc.read(c -> list(c, "WHERE municipality = ? ORDER BY id", ags));
    }

    public Optional<MaintenanceItem> find(String ags, long id) {
        return jdbc.read(c -> find(c, ags, id, false));
    }

    /** The item, locked for the rest of the transaction when {@code forUpdate}. */
    public Optional<MaintenanceItem> find(Connection c, String ags, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM maintenance_item "
                + "WHERE municipality = ? AND id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setString(1, ags);
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    /**
     * Holds the segment for the rest of the transaction: two images of the same place recorded at once would
     * otherwise both find no item there and both start one.
     */
    public void holdSegment(Connection c, String ags, String segmentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            s.setString(1, ags + "/" + segmentId);
            s.execute();
        }
    }

    /** Items on these segments, locked: a drive reconciles against them. */
    public List<MaintenanceItem> onSegments(Connection c, String ags, Collection<String> segmentIds)
            throws SQLException {
        if (segmentIds.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM maintenance_item "
                + "WHERE municipality = ? AND segment_id = ANY (?) ORDER BY id FOR UPDATE")) {
            s.setString(1, ags);
            s.setArray(2, c.createArrayOf("text", segmentIds.toArray()));
            List<MaintenanceItem> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(row(r));
                }
            }
            return found;
        }
    }

    public long insert(Connection c, MaintenanceItem item) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO maintenance_item (municipality, kind, segment_id, "
                + "section, latitude, longitude, status, grade, largest_pothole_m2, confidence, first_seen, last_seen) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            s.setString(1, item.municipality());
            s.setString(2, item.kind().name());
            s.setString(3, item.segmentId());
            s.setInt(4, item.section());
            s.setDouble(5, item.latitude());
            s.setDouble(6, item.longitude());
            s.setString(7, item.status().name());
            s.setDouble(8, item.grade().value());
            s.setDouble(9, item.largestPotholeSquareMetres());
            s.setDouble(10, item.confidence());
            s.setTimestamp(11, Timestamp.from(item.firstSeen()));
            s.setTimestamp(12, Timestamp.from(item.lastSeen()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** What a later sighting changes: the worst grade, largest pothole and confidence so far, the last seen time. */
    public void sighted(Connection c, String ags, long id, ConditionGrade grade, double pothole, double confidence,
                        Instant seen) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE maintenance_item SET grade = greatest(grade, ?), "
                + "largest_pothole_m2 = greatest(largest_pothole_m2, ?), confidence = greatest(confidence, ?), "
                + "last_seen = greatest(last_seen, ?) WHERE municipality = ? AND id = ?")) {
            s.setDouble(1, grade.value());
            s.setDouble(2, pothole);
            s.setDouble(3, confidence);
            s.setTimestamp(4, Timestamp.from(seen));
            s.setString(5, ags);
            s.setLong(6, id);
            s.executeUpdate();
        }
    }

    public void status(Connection c, String ags, long id, ItemStatus status) throws SQLException {
        update(c, "status = ?", ags, id, status.name());
    }

    public void schedule(Connection c, String ags, long id, LocalDate date, String crew) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE maintenance_item SET scheduled_for = ?, crew = ? "
                + "WHERE municipality = ? AND id = ?")) {
            s.setDate(1, Date.valueOf(date));
            s.setString(2, crew);
            s.setString(3, ags);
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    public void assign(Connection c, String ags, long id, String assignee) throws SQLException {
        update(c, "assignee = ?", ags, id, assignee);
    }

    private static void update(Connection c, String set, String ags, long id, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE maintenance_item SET " + set
                + " WHERE municipality = ? AND id = ?")) {
            s.setString(1, value);
            s.setString(2, ags);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    private static List<MaintenanceItem> list(Connection c, String where, String ags) throws SQLException {
        List<MaintenanceItem> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM maintenance_item " + where)) {
            s.setString(1, ags);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(row(r));
                }
            }
        }
        return found;
    }

    private static MaintenanceItem row(ResultSet r) throws SQLException {
        Date scheduled = r.getDate(15);
        return new MaintenanceItem(r.getLong(1), r.getString(2), DamageKind.valueOf(r.getString(3)), r.getString(4),
                r.getInt(5), r.getDouble(6), r.getDouble(7), ItemStatus.valueOf(r.getString(8)),
                new ConditionGrade(r.getDouble(9)), r.getDouble(10), r.getDouble(11),
                r.getTimestamp(12).toInstant(), r.getTimestamp(13).toInstant(), r.getString(14),
                scheduled == null ? null : scheduled.toLocalDate(), r.getString(16));
    }
}
