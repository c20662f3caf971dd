package org.roadpulse.ingest.coap;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.StatusCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code GET /v1/{device}/config}, observable: the configuration the platform set for the device. One resource serves
 * every device (the device is read from the path); a change notifies only that device's observers. Before any
 * configuration was set the answer is 4.04, which per RFC 7641 also ends an observation: the device asks again later.
 */
final class ConfigResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigResource.class);

    private final SenderCheck senders;
    private final Function<String, Optional<DeviceConfig>> configs;

    ConfigResource(SenderCheck senders, Function<String, Optional<DeviceConfig>> configs) {
        super("config");
        this.senders = senders;
        this.configs = configs;
        setObservable(true);
        setObserveType(CoAP.Type.CON);
        getAttributes().setObservable();
    }

    /** Tells the observers of this device's configuration that it changed. */
    void changed(String deviceId) {
        changed(relation -> deviceId.equals(DevicesResource.deviceOf(relation.getExchange().getRequest())));
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        int accept = exchange.getRequestOptions().getAccept();
        Optional<Encoding> encoding = accept == MediaTypeRegistry.UNDEFINED
                ? Optional.of(Encoding.JSON) : Encoding.fromCoapContentFormat(accept);
        if (encoding.isEmpty()) {
            exchange.respond(CoapReplies.done(ResponseCode.NOT_ACCEPTABLE, "accept 50 or 60"));
            return;
        }
        String pathDevice = DevicesResource.deviceOf(exchange.advanced().getRequest());
        CompletableFuture<Sender> sender;
        try {
            sender = senders.check(exchange, pathDevice);
        } catch (RuntimeException e) {
            sender = CompletableFuture.failedFuture(e);
        }
        sender.whenComplete((checked, failure) -> {
            if (failure != null) {
                LOG.warn("CoAP config of {} failed", pathDevice, failure);
                exchange.respond(CoapReplies.unavailable("internal error"));
            } else if (checked instanceof Sender.Refused refused) {
                exchange.respond(CoapReplies.rejection(refused.rejection()));
            } else {
                exchange.respond(configOf(pathDevice, encoding.get()));
            }
        });
    }

    private Response configOf(String deviceId, Encoding encoding) {
        Optional<DeviceConfig> config = configs.apply(deviceId);
        if (config.isEmpty()) {
            return CoapReplies.done(ResponseCode.NOT_FOUND, "no configuration set");
        }
        Response response = new Response(ResponseCode.CONTENT);
        response.setPayload(StatusCodec.encode(config.get(), encoding));
        response.getOptions().setContentFormat(encoding.coapContentFormat());
        return response;
    }
}
