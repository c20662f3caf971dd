package org.roadpulse.ingest.coap;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A resource a device POSTs to below {@code /v1/{device}/}: refuses oversized payloads and unknown content formats
 * before anything is decoded, checks the sender, then hands over to {@link #accept} and answers when its future
 * completes — from whatever thread completes it, never blocking Californium's own.
 */
abstract class DeviceUploadResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceUploadResource.class);

    private final SenderCheck senders;

    DeviceUploadResource(String name, SenderCheck senders) {
        super(name);
        this.senders = senders;
    }

    /** Handles an authenticated device's payload; the answer is sent when the future completes. */
    abstract CompletableFuture<Response> accept(String deviceId, byte[] payload, Encoding encoding);

    @Override
    public void handlePOST(CoapExchange exchange) {
        byte[] payload = exchange.getRequestPayload();
        if (payload.length > Limits.MAX_PAYLOAD_BYTES) {
            exchange.respond(CoapReplies.rejection(Rejection.of(Reasons.PAYLOAD_TOO_LARGE, null,
                    "payload of " + payload.length + " bytes exceeds " + Limits.MAX_PAYLOAD_BYTES)));
            return;
        }
        Optional<Encoding> encoding = encodingOf(exchange, payload);
        if (encoding.isEmpty()) {
            exchange.respond(CoapReplies.rejection(Rejection.of(Reasons.ENCODING_UNSUPPORTED, null,
                    "content format must be 50 (application/json) or 60 (application/cbor)")));
            return;
        }
        String pathDevice = DevicesResource.deviceOf(exchange.advanced().getRequest());
        CompletableFuture<Response> answer;
        try {
            answer = senders.check(exchange, pathDevice).thenCompose(sender -> sender instanceof Sender.Refused refused
                    ? CompletableFuture.completedFuture(CoapReplies.rejection(refused.rejection()))
                    : accept(((Sender.Authenticated) sender).deviceId(), payload, encoding.get()));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.warn("CoAP {} of {} failed", getName(), pathDevice, failure);
                exchange.respond(CoapReplies.unavailable("internal error"));
            } else {
                exchange.respond(response);
            }
        });
    }

    /** Content formats 50 and 60; none at all means "guess from the first byte", as on MQTT 3.1.1. */
    private static Optional<Encoding> encodingOf(CoapExchange exchange, byte[] payload) {
        int format = exchange.getRequestOptions().getContentFormat();
        if (format == MediaTypeRegistry.UNDEFINED) {
            return Optional.of(Encoding.sniff(payload));
        }
        return Encoding.fromCoapContentFormat(format);
    }
}
