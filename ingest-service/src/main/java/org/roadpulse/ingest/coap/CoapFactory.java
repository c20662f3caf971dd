package org.roadpulse.ingest.coap;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.devices.CredentialLifecycle;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.intake.CountIntake;
import org.roadpulse.ingest.mqtt.DeviceConfigPublisher;

import java.time.Clock;

/**
 * The CoAP intake starts with the application and stops with it. Configurations come from the
 * {@link DeviceConfigPublisher}, which also tells it of changes so that observers are notified.
 */
@Factory
final class CoapFactory {

    @Context
    @Bean(preDestroy = "close")
    CoapIntake coapIntake(IngestSettings.Coap settings, CountIntake intake, DeviceRegistry devices,
                          DeviceConfigPublisher configs, CredentialLifecycle credentials) {
        CoapIntake coap = new CoapIntake(settings.port(), settings.dtlsPort(), intake, devices, configs::current,
                Clock.systemUTC());
        configs.onPublish((deviceId, config) -> coap.configChanged(deviceId));
        credentials.onWithdrawn(coap::endSessions);
        coap.start();
        return coap;
    }
}
