package org.roadpulse.ingest.devices;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the demo's simulated devices at startup ({@code roadpulse.demo.seed-devices=true}), with the public demo
 * secrets of {@link DemoDevices#RESOURCE}. Re-running it is harmless: provisioning with the same secret changes
 * nothing. Never enable it where real devices report.
 */
@Context
@Requires(property = "roadpulse.demo.seed-devices", value = "true")
public final class DemoDeviceSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDeviceSeeder.class);

    public DemoDeviceSeeder(DeviceRegistry registry) {
        for (DemoDevices.DemoDevice device : DemoDevices.load()) {
            registry.provision(device.id(), device.municipality(), device.name(), device.secret());
            LOG.info("Demo device {} ({}, AGS {}) registered with its public demo secret", device.id(),
                    device.name(), device.municipality());
        }
    }
}
