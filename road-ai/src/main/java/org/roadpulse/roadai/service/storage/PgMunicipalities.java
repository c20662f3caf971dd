package org.roadpulse.roadai.service.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roadpulse.roadai.maintenance.PriorityWeights;
import org.roadpulse.roadai.service.domain.Municipality;

/** The municipalities, their areas and their priority weights. */
public final class PgMunicipalities {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "ags, name, min_lat, min_lon, max_lat, max_lon";

    private final Jdbc jdbc;

    public PgMunicipalities(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Municipality> all() {
        return jdbc.read(c -> {
            List<Municipality> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM municipality ORDER BY name");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(row(r));
                }
            }
            return found;
        });
    }

    public Optional<Municipality> find(String ags) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM municipality WHERE ags = ?")) {
                s.setString(1, ags);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(row(r)) : Optional.empty();
                }
            }
        });
    }

    /** The municipality's weights, or the defaults when it never set its own. */
    public PriorityWeights weights(String ags) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT weights::text FROM municipality WHERE ags = ?")) {
                s.setString(1, ags);
                try (ResultSet r = s.executeQuery()) {
                    String json = r.next() ? r.getString(1) : null;
                    return json == null ? PriorityWeights.defaults() : parse(json);
                }
            }
        });
    }

    /** Sets the weights and records who did it in the audit trail, in one transaction. */
    public void saveWeights(String ags, PriorityWeights weights, String who, Instant at) {
        jdbc.inTransaction(c -> {
            String json;
            try {
                json = JSON.writeValueAsString(weights);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE municipality SET weights = ?::jsonb WHERE ags = ?")) {
                s.setString(1, json);
                s.setString(2, ags);
                s.executeUpdate();
            }
            PgAuditTrail.record(c, ags, at, who, "weights.set", json);
            return null;
        });
    }

    /** Widens the municipality's area so that it covers the box (imported roads). */
    void widen(Connection c, String ags, double minLat, double minLon, double maxLat, double maxLon)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE municipality SET min_lat = least(min_lat, ?), "
                + "min_lon = least(min_lon, ?), max_lat = greatest(max_lat, ?), max_lon = greatest(max_lon, ?) "
                + "WHERE ags = ?")) {
            s.setDouble(1, minLat);
            s.setDouble(2, minLon);
            s.setDouble(3, maxLat);
            s.setDouble(4, maxLon);
            s.setString(5, ags);
            s.executeUpdate();
        }
    }

    private static PriorityWeights parse(String json) {
        try {
            return JSON.readValue(json, PriorityWeights.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored weights unreadable: " + e.getMessage(), e);
        }
    }

    private static Municipality row(ResultSet r) throws SQLException {
        return new Municipality(r.getString(1), r.getString(2), r.getDouble(3), r.getDouble(4), r.getDouble(5),
                r.getDouble(6));
    }
}
