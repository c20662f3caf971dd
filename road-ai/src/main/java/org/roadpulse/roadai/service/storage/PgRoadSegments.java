package org.roadpulse.roadai.service.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.roads.GeoPoint;
import org.roadpulse.roadai.roads.RoadClass;
import org.roadpulse.roadai.roads.RoadSegment;

/** A municipality's road segments. A segment imported again (same id) is replaced. */
public final class PgRoadSegments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;
    private final PgMunicipalities municipalities;

    public PgRoadSegments(Jdbc jdbc, PgMunicipalities municipalities) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
    }

    /**
     * Stores the segments, all of which belong to {@code ags}, widens the municipality's area over them and records
     * the import ({@code summary}: what was accepted and refused) in the audit trail, in one transaction.
     */
    public void save(String ags, List<RoadSegment> segments, String who, String summary, Instant now) {
        jdbc.inTransaction(c -> {
            PgAuditTrail.record(c, ags, now, who, "roads.imported", summary);
            if (segments.isEmpty()) {
                return null;
            }
            double minLat = 90, minLon = 180, maxLat = -90, maxLon = -180;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO road_segment (municipality, id, name, "
                    + "road_class, site_id, line, imported_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) "
                    + "ON CONFLICT (municipality, id) DO UPDATE SET name = excluded.name, "
                    + "road_class = excluded.road_class, site_id = excluded.site_id, line = excluded.line, "
                    + "imported_at = excluded.imported_at")) {
                for (RoadSegment segment : segments) {
                    if (!segment.municipality().equals(ags)) {
                        throw new IllegalArgumentException("segment " + segment.id() + " belongs to another municipality");
                    }
                    List<double[]> line = new ArrayList<>();
                    for (GeoPoint p : segment.line()) {
                        line.add(new double[] {p.longitude(), p.latitude()});
                        minLat = Math.min(minLat, p.latitude());
                        maxLat = Math.max(maxLat, p.latitude());
                        minLon = Math.min(minLon, p.longitude());
                        maxLon = Math.max(maxLon, p.longitude());
                    }
                    s.setString(1, ags);
                    s.setString(2, segment.id());
                    s.setString(3, segment.name());
                    s.setString(4, segment.roadClass().name());
                    s.setString(5, segment.siteId());
                    s.setString(6, json(line));
                    s.setTimestamp(7, Timestamp.from(now));
                    s.addBatch();
                }
                s.executeBatch();
            }
            municipalities.widen(c, ags, minLat, minLon, maxLat, maxLon);
            return null;
        });
    }

    public List<RoadSegment> of(String ags) {
        return jdbc.read(c -> {
            List<RoadSegment> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, road_class, site_id, line::text "
                    + "FROM road_segment WHERE municipality = ? ORDER BY id")) {
                s.setString(1, ags);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(new RoadSegment(r.getString(1), r.getString(2),
                                RoadClass.valueOf(r.getString(3)), ags, r.getString(4), line(r.getString(5))));
                    }
                }
            }
            return found;
        });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<GeoPoint> line(String json) throws SQLException {
        try {
            double[][] points = JSON.readValue(json, double[][].class);
            List<GeoPoint> line = new ArrayList<>();
            for (double[] p : points) {
                line.add(new GeoPoint(p[1], p[0]));
            }
            return line;
        } catch (JsonProcessingException e) {
            throw new SQLException("stored road line unreadable", e);
        }
    }
}
