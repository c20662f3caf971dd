package org.roadpulse.ingest.testdoubles;

import org.roadpulse.ingest.devices.Device;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.protocol.DeviceSecrets;
import org.roadpulse.protocol.StatusReport;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/** A device registry in memory, keeping hashes like the real one, and every status report it was given. */
public final class InMemoryDeviceRegistry implements DeviceRegistry {

    private record Entry(Device device, String secretHash, byte[] preSharedKey) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final BlockingQueue<StatusReport> statuses = new LinkedBlockingQueue<>();

    @Override
    public Optional<Device> authenticate(String deviceId, String secret) {
        Entry entry = entries.get(deviceId);
        if (entry == null || !entry.device().enabled() || !DeviceSecrets.matches(secret, entry.secretHash())) {
            return Optional.empty();
        }
        return Optional.of(entry.device());
    }

    @Override
    public Optional<byte[]> preSharedKey(String deviceId) {
        Entry entry = entries.get(deviceId);
        return entry == null || !entry.device().enabled() ? Optional.empty() : Optional.of(entry.preSharedKey().clone());
    }

    @Override
    public Optional<Device> find(String deviceId) {
        return Optional.ofNullable(entries.get(deviceId)).map(Entry::device);
    }

    @Override
    public List<Device> list() {
        return entries.values().stream().map(Entry::device).toList();
    }

    @Override
    public void recordStatus(StatusReport status) {
        statuses.add(status);
    }

    @Override
    public Provisioned provision(String deviceId, String municipality, String name, String secret) {
        String actual = secret == null ? DeviceSecrets.generate() : secret;
        Device device = new Device(deviceId, municipality, name, true);
        entries.put(deviceId, new Entry(device, DeviceSecrets.hash(actual), DeviceSecrets.preSharedKey(actual)));
        return new Provisioned(device, actual);
    }

    @Override
    public Optional<Device> setEnabled(String deviceId, boolean enabled) {
        Entry changed = entries.computeIfPresent(deviceId, (id, entry) -> new Entry(new Device(id,
                entry.device().municipality(), entry.device().name(), enabled), entry.secretHash(),
                entry.preSharedKey()));
        return Optional.ofNullable(changed).map(Entry::device);
    }

    @Override
    public boolean isRevoked(String deviceId, String secret) {
        Entry entry = entries.get(deviceId);
        return entry != null && !entry.device().enabled() && DeviceSecrets.matches(secret, entry.secretHash());
    }

    /** Registers a device with a fresh secret and returns that secret. */
    public String register(String deviceId) {
        return provision(deviceId, "09162000", deviceId, null).secret();
    }

    /** The status reports recorded so far, oldest first; waits for them to arrive with {@link #nextStatus}. */
    public StatusReport nextStatus(java.time.Duration timeout) throws InterruptedException {
        return statuses.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
