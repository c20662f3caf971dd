package org.roadpulse.agent.config;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated devices of the zero-setup demo, as listed in the ingest service's {@code demo-devices.yml} (the
 * service registers the same list, so ids and secrets agree). Each device gets its own site: a volume and heavy
 * share derived from its id, so every run looks the same.
 *
 * @param devices the list
 */
public record DemoDevices(List<Entry> devices) {

    /** One entry of the file; {@code transport} is {@code mqtt} or {@code coap}. */
    public record Entry(String id, String municipality, String name, String secret, String transport) {
    }

    /**
     * @param mqttUri  where MQTT devices connect, e.g. {@code tcp://localhost:1883}
     * @param coapUri  where CoAP devices send, e.g. {@code coap://localhost:5683}
     * @param speed    time compression of the simulation
     */
    public List<AgentSettings> agents(String mqttUri, String coapUri, double speed, Path outboxRoot,
                                      int intervalSeconds) {
        return devices.stream().map(device -> {
            SplittableRandom random = new SplittableRandom(device.id().hashCode());
            SimulationSettings site = new SimulationSettings(1 + random.nextInt(2),
                    4000.0 + random.nextInt(10_000), 0.04 + random.nextDouble() * 0.08,
                    random.nextBoolean() ? 50 : 30, (long) device.id().hashCode(), null, null);
            TransportSettings transport = "coap".equalsIgnoreCase(device.transport())
                    ? TransportSettings.coap(coapUri) : TransportSettings.mqtt(mqttUri);
            return new AgentSettings(DeviceSettings.of(device.id(), device.secret()), transport,
                    SourceSettings.simulate(site, speed), new OutboxSettings(outboxRoot.resolve(device.id()), null, null),
                    intervalSeconds, null);
        }).toList();
    }
}
