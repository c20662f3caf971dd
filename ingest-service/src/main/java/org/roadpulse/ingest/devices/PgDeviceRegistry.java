package org.roadpulse.ingest.devices;

import jakarta.inject.Singleton;
import org.roadpulse.protocol.DeviceSecrets;
import org.roadpulse.protocol.Rejection;
import org.roadpulse.protocol.StatusReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The device registry in PostgreSQL, read through an in-memory copy: MQTT connects, CoAP handshakes, HTTP requests
 * and every count message ask it, and none of them should cost a database round trip. The copy is reloaded every
 * {@value #REFRESH_SECONDS} s (so other instances' changes arrive), a device missing from it is looked up once
 * (so a device provisioned elsewhere works at once), and a provisioning here updates it immediately.
 *
 * <p>Lookups throw {@link IllegalStateException} when the database cannot be reached on a miss: "unknown" would
 * make the intake refuse, and the device drop, a message that is merely not storable now.
 */
@Singleton
public final class PgDeviceRegistry implements DeviceRegistry {

    static final int REFRESH_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(PgDeviceRegistry.class);
    private static final String COLUMNS = "SELECT id, municipality, name, enabled, secret_hash, psk FROM device";

    private record Credentials(Device device, String secretHash, byte[] psk) {
    }

    private record Snapshot(Map<String, Credentials> byId, Map<String, Credentials> byHash, long loadedAtNanos) {
        void put(Credentials credentials) {
            Credentials old = byId.put(credentials.device().id(), credentials);
            if (old != null) {
                byHash.remove(old.secretHash(), old);
            }
            byHash.put(credentials.secretHash(), credentials);
        }
    }

    private final DataSource dataSource;
    private volatile Snapshot snapshot;

    public PgDeviceRegistry(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.snapshot = load();
    }

    @Override
    public Optional<Device> authenticate(String deviceId, String secret) {
        if (deviceId == null || secret == null) {
            return Optional.empty();
        }
        return credentials(deviceId)
                .filter(c -> c.device().enabled() && DeviceSecrets.matches(secret, c.secretHash()))
                .map(Credentials::device);
    }

    @Override
    public Optional<Device> identify(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        String hash = DeviceSecrets.hash(secret);
        Snapshot current = current();
        Credentials credentials = current.byHash().get(hash);
        if (credentials == null) {
            credentials = loadOne("secret_hash = ?", hash);
            if (credentials != null) {
                current.put(credentials);
            }
        }
        return Optional.ofNullable(credentials).map(Credentials::device).filter(Device::enabled);
    }

    @Override
    public boolean isRevoked(String deviceId, String secret) {
        if (deviceId == null || secret == null) {
            return false;
        }
        return credentials(deviceId)
                .filter(c -> !c.device().enabled() && DeviceSecrets.matches(secret, c.secretHash()))
                .isPresent();
    }

    @Override
    public Optional<Device> setEnabled(String deviceId, boolean enabled) {
        String sql = """
                UPDATE device SET enabled = ?,
                    revoked_at = CASE WHEN ? THEN NULL WHEN enabled THEN now() ELSE revoked_at END
                WHERE id = ?
                RETURNING id, municipality, name, enabled, secret_hash, psk""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBoolean(1, enabled);
            statement.setBoolean(2, enabled);
            statement.setString(3, deviceId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Credentials credentials = credentials(rows);
                current().put(credentials);
                return Optional.of(credentials.device());
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<byte[]> preSharedKey(String deviceId) {
        return credentials(deviceId).filter(c -> c.device().enabled()).map(c -> c.psk().clone());
    }

    @Override
    public Optional<Device> find(String deviceId) {
        return credentials(deviceId).map(Credentials::device);
    }

    @Override
    public List<Device> list() {
        List<Device> devices = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COLUMNS + " ORDER BY id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                devices.add(credentials(rows).device());
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return devices;
    }

    @Override
    public void recordStatus(StatusReport status) {
        // The sensor object is kept only when the device sent one: null means "not reported", not "down".
        String sql = """
                UPDATE device SET last_seen_at = now(), last_status = jsonb_strip_nulls(jsonb_build_object(
                    'state', ?::text, 'fw', ?::text, 'at', ?::timestamptz,
                    'outbox', ?::bigint, 'lastSeq', ?::bigint, 'uptime', ?::bigint,
                    'sensor', CASE WHEN ?::text IS NULL THEN NULL ELSE jsonb_build_object(
                        'state', ?::text, 'since', ?::timestamptz, 'reason', ?::text) END))
                WHERE id = ?""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, status.state().wireName());
            statement.setString(2, status.firmware());
            statement.setObject(3, utc(status.at()), Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setObject(4, status.outboxDepth(), Types.BIGINT);
            statement.setObject(5, status.lastSeq(), Types.BIGINT);
            statement.setObject(6, status.uptimeSeconds(), Types.BIGINT);
            StatusReport.Sensor sensor = status.sensor();
            String sensorState = sensor == null ? null : sensor.state().wireName();
            statement.setString(7, sensorState);
            statement.setString(8, sensorState);
            statement.setObject(9, sensor == null ? null : utc(sensor.since()), Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setString(10, sensor == null ? null : sensor.reason());
            statement.setString(11, status.deviceId());
            if (statement.executeUpdate() == 0) {
                LOG.debug("Status of unregistered device {} ignored", status.deviceId());
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static java.time.OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Provisioned provision(String deviceId, String municipality, String name, String secret) {
        Optional<Rejection> problem = DeviceRegistration.check(deviceId, municipality, name, secret);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().toString());
        }
        String chosen = secret != null ? secret : DeviceSecrets.generate();
        String hash = DeviceSecrets.hash(chosen);
        byte[] psk = DeviceSecrets.preSharedKey(chosen);
        String sql = """
                INSERT INTO device (id, municipality, name, secret_hash, psk, secret_set_at)
                VALUES (?, ?, ?, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET municipality = excluded.municipality, name = excluded.name,
                    secret_hash = excluded.secret_hash, psk = excluded.psk, secret_set_at = now()
                RETURNING id, municipality, name, enabled, secret_hash, psk""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, deviceId);
            statement.setString(2, municipality);
            statement.setString(3, name);
            statement.setString(4, hash);
            statement.setBytes(5, psk);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                Credentials credentials = credentials(rows);
                current().put(credentials);
                return new Provisioned(credentials.device(), chosen);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new IllegalArgumentException("that secret is already used by another device", e);
            }
            throw unavailable(e);
        }
    }

    private Optional<Credentials> credentials(String deviceId) {
        if (deviceId == null) {
            return Optional.empty();
        }
        Snapshot current = current();
        Credentials credentials = current.byId().get(deviceId);
        if (credentials == null) {
            credentials = loadOne("id = ?", deviceId);
            if (credentials != null) {
                current.put(credentials);
            }
        }
        return Optional.ofNullable(credentials);
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (System.nanoTime() - current.loadedAtNanos() < TimeUnit.SECONDS.toNanos(REFRESH_SECONDS)) {
            return current;
        }
        synchronized (this) {
            if (snapshot == current) {
                try {
                    snapshot = load();
                } catch (SQLException e) {
                    LOG.warn("Device registry not refreshed, using the copy in memory: {}", e.getMessage());
                    snapshot = new Snapshot(current.byId(), current.byHash(), System.nanoTime());
                }
            }
            return snapshot;
        }
    }

    private Snapshot load() throws SQLException {
        Snapshot loaded = new Snapshot(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), System.nanoTime());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COLUMNS);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                loaded.put(credentials(rows));
            }
        }
        return loaded;
    }

    private Credentials loadOne(String condition, String value) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COLUMNS + " WHERE " + condition)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? credentials(rows) : null;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static Credentials credentials(ResultSet row) throws SQLException {
        Device device = new Device(row.getString("id"), row.getString("municipality"), row.getString("name"),
                row.getBoolean("enabled"));
        return new Credentials(device, row.getString("secret_hash"), row.getBytes("psk"));
    }

    private static IllegalStateException unavailable(SQLException e) {
        return new IllegalStateException("device registry unavailable: " + e.getMessage(), e);
    }
}
