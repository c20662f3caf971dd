package org.roadpulse.roadai.service.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.maintenance.DamageKind;
import org.roadpulse.roadai.service.domain.Detection;

/** What the model found in each image, snapped to the roads or kept as unmatched. */
public final class PgDetections {

    private static final String COLUMNS = "d.id, d.image_id, d.kind, d.area_m2, d.confidence, d.latitude, "
            + "d.longitude, d.segment_id, d.section, d.offset_m, d.box_x, d.box_y, d.box_w, d.box_h, d.item_id";

    private final Jdbc jdbc;

    public PgDetections(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a detection (its id and image id are taken from the arguments, not the record). */
    public void insert(Connection c, String ags, long imageId, Detection d, Long itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO detection (municipality, image_id, kind, area_m2, "
                + "confidence, latitude, longitude, segment_id, section, offset_m, box_x, box_y, box_w, box_h, item_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, ags);
            s.setLong(2, imageId);
            s.setString(3, d.kind().name());
            s.setDouble(4, d.areaSquareMetres());
            s.setDouble(5, d.confidence());
            s.setDouble(6, d.latitude());
            s.setDouble(7, d.longitude());
            s.setString(8, d.segmentId());
            s.setObject(9, d.section(), Types.INTEGER);
            s.setObject(10, d.offsetMetres(), Types.DOUBLE);
            s.setInt(11, d.boxX());
            s.setInt(12, d.boxY());
            s.setInt(13, d.boxWidth());
            s.setInt(14, d.boxHeight());
            s.setObject(15, itemId, Types.BIGINT);
            s.executeUpdate();
        }
    }

    /** Detections no road of the municipality was near, newest first. */
    public List<Detection> unmatched(String ags) {
        return query("WHERE d.municipality = ? AND d.segment_id IS NULL ORDER BY d.id DESC", ags, null);
    }

    public List<Detection> ofItem(String ags, long itemId) {
        return query("WHERE d.municipality = ? AND d.item_id = ? ORDER BY d.id", ags, itemId);
    }

    /**
     * Detections whose item staff confirmed (or worked on further) or rejected, for the labelled data set; grouped
     * by image, so each image is decoded once.
     */
    public List<Labelled> labelled(String ags) {
        return jdbc.read(c -> {
            List<Labelled> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", i.status FROM detection d "
                    + "JOIN maintenance_item i ON i.id = d.item_id AND i.municipality = d.municipality "
                    + "WHERE d.municipality = ? AND i.status <> 'NEW' ORDER BY d.image_id, d.id")) {
                s.setString(1, ags);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(new Labelled(row(r), r.getString(16)));
                    }
                }
            }
            return found;
        });
    }

    /** A detection with the status staff gave its item. */
    public record Labelled(Detection detection, String itemStatus) {
    }

    private List<Detection> query(String where, String ags, Long itemId) {
        return jdbc.read(c -> {
            List<Detection> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM detection d " + where)) {
                s.setString(1, ags);
                if (itemId != null) {
                    s.setLong(2, itemId);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(row(r));
                    }
                }
            }
            return found;
        });
    }

    private static Detection row(ResultSet r) throws SQLException {
        return new Detection(r.getLong(1), r.getLong(2), DamageKind.valueOf(r.getString(3)), r.getDouble(4),
                r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getString(8), (Integer) r.getObject(9),
                (Double) r.getObject(10), r.getInt(11), r.getInt(12), r.getInt(13), r.getInt(14),
                (Long) r.getObject(15));
    }
}
