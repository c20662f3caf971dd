package org.roadpulse.roadai.service.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Anonymised survey images and their damage overlays; a file is known by its SHA-256 within a municipality. */
public final class PgSurveyImages {

    /** What is stored of an image: never the original, only the anonymised JPEG and the overlay. */
    public record NewImage(String sha256, String fileName, Instant takenAt, Instant receivedAt, double latitude,
                           double longitude, Double heading, int width, int height, int hiddenRegions,
                           byte[] anonymisedJpeg, byte[] overlayJpeg) {
    }

    private final Jdbc jdbc;

    public PgSurveyImages(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public boolean known(String ags, String sha256) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM survey_image WHERE municipality = ? AND sha256 = ?")) {
                s.setString(1, ags);
                s.setString(2, sha256);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** Stores the image, or returns empty when the same file was stored meanwhile (a concurrent upload). */
    public Optional<Long> insert(Connection c, String ags, NewImage image) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO survey_image (municipality, sha256, file_name, "
                + "taken_at, received_at, latitude, longitude, heading, width, height, hidden_regions, jpeg, overlay) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (municipality, sha256) DO NOTHING "
                + "RETURNING id")) {
            s.setString(1, ags);
            s.setString(2, image.sha256());
            s.setString(3, image.fileName());
            s.setTimestamp(4, Timestamp.from(image.takenAt()));
            s.setTimestamp(5, Timestamp.from(image.receivedAt()));
            s.setDouble(6, image.latitude());
            s.setDouble(7, image.longitude());
            if (image.heading() == null) {
                s.setNull(8, Types.DOUBLE);
            } else {
                s.setDouble(8, image.heading());
            }
            s.setInt(9, image.width());
            s.setInt(10, image.height());
            s.setInt(11, image.hiddenRegions());
            s.setBytes(12, image.anonymisedJpeg());
            s.setBytes(13, image.overlayJpeg());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The anonymised JPEG ({@code overlay = false}) or the overlay of an image of this municipality. */
    public Optional<byte[]> picture(String ags, long imageId, boolean overlay) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + (overlay ? "overlay" : "jpeg")
                    + " FROM survey_image WHERE municipality = ? AND id = ?")) {
                s.setString(1, ags);
                s.setLong(2, imageId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    public int count(String ags) {
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM survey_image WHERE municipality = ?")) {
                s.setString(1, ags);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }
}
