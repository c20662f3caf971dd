package org.roadpulse.ingest.sites;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.ingest.access.Visibility;
import org.roadpulse.protocol.Rejection;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measurement sites in PostgreSQL ({@code measurement_site}, and {@code device.site_id} for who counts where).
 *
 * <p>Reads come from a copy of all sites in memory: every planner query looks its sites up, and a municipality
 * has tens of sites, an operator thousands at most. A write through this instance makes the next read reload, so
 * it sees its own writes at once; a write through another instance arrives within {@value #REFRESH_SECONDS} s.
 *
 * <p>Throws {@link IllegalStateException} when the database cannot be reached, {@link InvalidSiteException} for a
 * site that cannot be stored as given.
 */
public final class PgSites implements Sites {

    static final int REFRESH_SECONDS = 30;

    private static final String ALL = """
            SELECT s.id, s.municipality, s.name, s.road_name, s.road_number, s.latitude, s.longitude,
                   s.lanes_forward, s.lanes_backward, s.forward_label, s.backward_label, s.speed_limit_kmh,
                   array_remove(array_agg(d.id ORDER BY d.id), NULL) AS devices
            FROM measurement_site s LEFT JOIN device d ON d.site_id = s.id
            GROUP BY s.id""";

    // xmax is 0 only on a freshly inserted row version: the one way an upsert can tell "created" from "replaced".
    private static final String UPSERT = """
            INSERT INTO measurement_site (id, municipality, name, road_name, road_number, latitude, longitude,
                lanes_forward, lanes_backward, forward_label, backward_label, speed_limit_kmh)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET municipality = excluded.municipality, name = excluded.name,
                road_name = excluded.road_name, road_number = excluded.road_number, latitude = excluded.latitude,
                longitude = excluded.longitude, lanes_forward = excluded.lanes_forward,
                lanes_backward = excluded.lanes_backward, forward_label = excluded.forward_label,
                backward_label = excluded.backward_label, speed_limit_kmh = excluded.speed_limit_kmh,
                updated_at = now()
            RETURNING xmax = 0 AS created""";

    /** What {@link #save} did: {@code created} is false when a site with that id was replaced. */
    public record Saved(MeasurementSite site, boolean created) {
    }

    private record Snapshot(Map<String, MeasurementSite> byId, long generation, long loadedAtNanos) {
    }

    private final DataSource dataSource;
    /** Counts this instance's writes; a copy loaded before the latest write is stale. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    public PgSites(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<MeasurementSite> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(current().byId().get(id));
    }

    @Override
    public List<MeasurementSite> list(@Nullable String municipality) {
        return current().byId().values().stream()
                .filter(site -> municipality == null || site.municipality().equals(municipality))
                .toList();
    }

    /**
     * Creates the site or replaces the one with its id, and makes its devices exactly the listed ones: a listed
     * device counting at another site moves here, a device no longer listed is left without a site.
     */
    public Saved save(MeasurementSite site) {
        return save(site, Visibility.everything());
    }

    /**
     * {@link #save(MeasurementSite)} for a caller who sees {@code visibility}: the site must be of one of their
     * municipalities, and an existing site with that id must be too ({@link SiteNotVisibleException} otherwise).
     */
    public Saved save(MeasurementSite site, Visibility visibility) {
        SiteRules.check(site).ifPresent(rejection -> {
            throw new InvalidSiteException(rejection);
        });
        if (!visibility.includes(site.municipality())) {
            throw new SiteNotVisibleException(site.id(), site.municipality());
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                checkOwner(connection, site.id(), visibility);
                checkDevices(connection, site);
                boolean created = upsert(connection, site);
                assignDevices(connection, site);
                connection.commit();
                return new Saved(site.withDevices(site.devices().stream().distinct().sorted().toList()), created);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                generation.incrementAndGet();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Removes the site; its devices stay registered, without a site. False when there was no such site. */
    public boolean delete(String id) {
        return delete(id, Visibility.everything());
    }

    /** Removes the site if it is of a municipality in {@code visibility}; false when there is no such site. */
    public boolean delete(String id, Visibility visibility) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "DELETE FROM measurement_site WHERE id = ? AND (? OR municipality = ANY (?::char(8)[]))")) {
            statement.setString(1, id);
            statement.setBoolean(2, visibility.all());
            statement.setArray(3, textArray(connection, List.of(visibility.asArray())));
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw unavailable(e);
        } finally {
            generation.incrementAndGet();
        }
    }

    /** An existing site of another municipality is not the caller's to replace: to them it does not exist. */
    private static void checkOwner(Connection connection, String id, Visibility visibility) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT municipality FROM measurement_site WHERE id = ? FOR UPDATE")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next() && !visibility.includes(rows.getString(1))) {
                    throw new SiteNotVisibleException(id, rows.getString(1));
                }
            }
        }
    }

    /** Every listed device must exist and belong to the site's municipality: a site never reaches across. */
    private static void checkDevices(Connection connection, MeasurementSite site) throws SQLException {
        Map<String, String> municipalities = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, municipality FROM device WHERE id = ANY (?) FOR UPDATE")) {
            statement.setArray(1, textArray(connection, site.devices()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    municipalities.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        for (int i = 0; i < site.devices().size(); i++) {
            String device = site.devices().get(i);
            String municipality = municipalities.get(device);
            if (municipality == null) {
                throw new InvalidSiteException(Rejection.of(SiteRules.DEVICE_UNKNOWN, "devices[" + i + "]",
                        "no registered device '" + device + "'"));
            }
            if (!municipality.equals(site.municipality())) {
                throw new InvalidSiteException(Rejection.of(SiteRules.DEVICE_OTHER_MUNICIPALITY,
                        "devices[" + i + "]", "device '" + device + "' belongs to municipality " + municipality
                                + ", the site to " + site.municipality()));
            }
        }
    }

    private static boolean upsert(Connection connection, MeasurementSite site) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, site.id());
            statement.setString(2, site.municipality());
            statement.setString(3, site.name());
            statement.setString(4, site.roadName());
            statement.setString(5, site.roadNumber());
            statement.setDouble(6, site.latitude());
            statement.setDouble(7, site.longitude());
            statement.setInt(8, site.lanesForward());
            statement.setInt(9, site.lanesBackward());
            statement.setString(10, site.forwardLabel());
            statement.setString(11, site.backwardLabel());
            statement.setObject(12, site.speedLimitKmh(), Types.SMALLINT);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean("created");
            }
        }
    }

    private static void assignDevices(Connection connection, MeasurementSite site) throws SQLException {
        Array devices = textArray(connection, site.devices());
        try (PreparedStatement release = connection.prepareStatement(
                "UPDATE device SET site_id = NULL WHERE site_id = ? AND NOT (id = ANY (?))");
             PreparedStatement assign = connection.prepareStatement(
                     "UPDATE device SET site_id = ? WHERE id = ANY (?) AND site_id IS DISTINCT FROM ?")) {
            release.setString(1, site.id());
            release.setArray(2, devices);
            release.executeUpdate();
            assign.setString(1, site.id());
            assign.setArray(2, devices);
            assign.setString(3, site.id());
            assign.executeUpdate();
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        return fresh(current) ? current : reload();
    }

    private boolean fresh(@Nullable Snapshot copy) {
        return copy != null && copy.generation() == generation.get()
                && System.nanoTime() - copy.loadedAtNanos() < TimeUnit.SECONDS.toNanos(REFRESH_SECONDS);
    }

    private synchronized Snapshot reload() {
        Snapshot current = snapshot;
        if (fresh(current)) {
            return current;  // another thread reloaded while this one waited
        }
        // Read the generation before the rows: a write that commits meanwhile makes this copy stale at once.
        long loadedGeneration = generation.get();
        long now = System.nanoTime();
        SortedMap<String, MeasurementSite> byId = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(ALL);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                MeasurementSite site = site(rows);
                byId.put(site.id(), site);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        Snapshot loaded = new Snapshot(Collections.unmodifiableSortedMap(byId), loadedGeneration, now);
        snapshot = loaded;
        return loaded;
    }

    private static MeasurementSite site(ResultSet row) throws SQLException {
        int speedLimit = row.getInt("speed_limit_kmh");
        Integer speedLimitKmh = row.wasNull() ? null : speedLimit;
        return new MeasurementSite(row.getString("id"), row.getString("municipality"), row.getString("name"),
                row.getString("road_name"), row.getString("road_number"), row.getDouble("latitude"),
                row.getDouble("longitude"), row.getInt("lanes_forward"), row.getInt("lanes_backward"),
                row.getString("forward_label"), row.getString("backward_label"), speedLimitKmh,
                Arrays.asList((String[]) row.getArray("devices").getArray()));
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    private static IllegalStateException unavailable(SQLException e) {
        return new IllegalStateException("measurement sites unavailable: " + e.getMessage(), e);
    }
}
