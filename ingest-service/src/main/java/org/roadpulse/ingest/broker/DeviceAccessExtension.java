package org.roadpulse.ingest.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/**
 * The broker extension that closes HiveMQ, which accepts every client by default, to all but registered devices and
 * the ingest service (see {@link DeviceAuthenticator} and {@link TopicPermissions}), and, in the service's own
 * embedded broker, takes devices' counts straight to the intake ({@link CountsInterceptor}).
 */
final class DeviceAccessExtension implements ExtensionMain {

    private final SimpleAuthenticator authenticator;
    private final CountsInterceptor counts;

    private DeviceAccessExtension(SimpleAuthenticator authenticator, CountsInterceptor counts) {
        this.authenticator = authenticator;
        this.counts = counts;
    }

    /** @param counts the direct path of devices' counts into the intake, or null to route them to subscribers only */
    static EmbeddedExtension embedded(SimpleAuthenticator authenticator, CountsInterceptor counts) {
        return EmbeddedExtension.builder()
                .withId("roadpulse-device-access")
                .withName("RoadPulse device access")
                .withVersion("1")
                .withAuthor("RoadPulse")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(new DeviceAccessExtension(authenticator, counts))
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        if (counts != null) {
            Services.initializerRegistry().setClientInitializer(
                    (initializerInput, client) -> client.addPublishInboundInterceptor(counts));
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // HiveMQ drops the extension's registrations itself.
    }
}
