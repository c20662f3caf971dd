package org.roadpulse.ingest.sites;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.roadpulse.ingest.devices.DemoDeviceSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each demo device its site at startup ({@code roadpulse.demo.seed-devices=true}), from {@link
 * DemoSites#RESOURCE}. Only missing sites are created: a demo site someone has edited through the API keeps the
 * edit across restarts, and running it again changes nothing.
 */
@Context
@Requires(property = "roadpulse.demo.seed-devices", value = "true")
public final class DemoSiteSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSiteSeeder.class);

    /** @param devices not used: asking for it makes the demo devices exist before their sites name them */
    public DemoSiteSeeder(PgSites sites, DemoDeviceSeeder devices) {
        for (MeasurementSite site : DemoSites.load()) {
            if (sites.find(site.id()).isEmpty()) {
                sites.save(site);
                LOG.info("Demo site {} ({}, AGS {}) created", site.id(), site.name(), site.municipality());
            }
        }
    }
}
