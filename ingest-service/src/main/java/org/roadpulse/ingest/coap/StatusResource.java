package org.roadpulse.ingest.coap;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.StatusReport;
import org.roadpulse.protocol.Verdict;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@code POST /v1/{device}/status}: a heartbeat, kept by the device registry; 2.04 once recorded. */
final class StatusResource extends DeviceUploadResource {

    private final DeviceRegistry devices;
    private final Executor registryWork;

    StatusResource(SenderCheck senders, DeviceRegistry devices, Executor registryWork) {
        super("status", senders);
        this.devices = devices;
        this.registryWork = registryWork;
    }

    @Override
    CompletableFuture<Response> accept(String deviceId, byte[] payload, Encoding encoding) {
        return CompletableFuture.supplyAsync(() -> record(deviceId, payload, encoding), registryWork);
    }

    private Response record(String deviceId, byte[] payload, Encoding encoding) {
        Verdict<StatusReport> verdict = StatusCodec.decodeStatus(payload, encoding);
        if (!verdict.isAccepted()) {
            return CoapReplies.rejection(verdict.rejection());
        }
        if (!verdict.value().deviceId().equals(deviceId)) {
            return CoapReplies.rejection(Rejection.of(Reasons.DEVICE_MISMATCH, "device",
                    "the report names " + verdict.value().deviceId() + ", the sender is " + deviceId));
        }
        devices.recordStatus(verdict.value());
        return CoapReplies.done(ResponseCode.CHANGED, "recorded");
    }
}
