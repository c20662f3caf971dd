package org.roadpulse.ingest.broker;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.ingest.devices.CredentialLifecycle;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.intake.CountIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;

/**
 * The broker the service's MQTT clients use: {@code roadpulse.broker.url} when set, otherwise the embedded HiveMQ,
 * started on first need (by the MQTT intake, at application start) with its files in {@code <data-dir>/broker}.
 */
@Factory
final class BrokerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerFactory.class);

    /**
     * The service's broker account. For the embedded broker, which only this process's own clients use with it, the
     * password is generated on every start: a configured (or default) password could let a stranger read every
     * device's counts.
     */
    @Singleton
    ServiceAccount serviceAccount(IngestSettings.Broker settings) {
        if (embedded(settings)) {
            LOG.info("Embedded broker: the service account {} gets a new random password for this run",
                    settings.username());
            return ServiceAccount.withGeneratedPassword(settings.username());
        }
        return new ServiceAccount(settings.username(), settings.password());
    }

    @Singleton
    BrokerAdmission admission(DeviceRegistry devices, ServiceAccount account) {
        return new BrokerAdmission(devices, account);
    }

    /**
     * With an external EMQX whose management API is configured: a device whose credentials are withdrawn loses its
     * connection there (the embedded broker ends it itself). Created at start, so that it hears every withdrawal.
     */
    @Context
    @Requires(property = "roadpulse.broker.admin-url", pattern = ".*\\S.*")
    EmqxConnections emqxConnections(IngestSettings.Broker settings, CredentialLifecycle credentials) {
        EmqxConnections connections = new EmqxConnections(URI.create(settings.adminUrl().trim()),
                settings.adminKey() == null ? "" : settings.adminKey(),
                settings.adminSecret() == null ? "" : settings.adminSecret());
        credentials.onWithdrawn(connections::end);
        LOG.info("Withdrawn device credentials end the device's connection on the broker at {}", settings.adminUrl());
        return connections;
    }

    @Singleton
    @Bean(preDestroy = "close")
    EmbeddedBroker embeddedBroker(IngestSettings.Paths paths, IngestSettings.Broker settings, DeviceRegistry devices,
                                  ServiceAccount account, CountIntake counts, CredentialLifecycle credentials) {
        Path keystore = settings.tlsKeystorePath();
        BrokerTls tls = keystore == null ? null : new BrokerTls(settings.tlsPort(), keystore,
                settings.tlsKeystorePassword() == null ? "" : settings.tlsKeystorePassword());
        EmbeddedBroker broker = EmbeddedBroker.start(Path.of(paths.dataDir(), "broker"), settings.embeddedPort(),
                settings.maxQueueSize(), tls, devices, account, counts);
        credentials.onWithdrawn(broker::disconnect);
        return broker;
    }

    @Singleton
    BrokerAddress brokerAddress(IngestSettings.Broker settings, BeanProvider<EmbeddedBroker> embedded) {
        return embedded(settings) ? embedded.get().address() : new BrokerAddress(settings.url().trim());
    }

    private static boolean embedded(IngestSettings.Broker settings) {
        return settings.url() == null || settings.url().isBlank();
    }
}
