package org.roadpulse.ingest.intake;

import org.roadpulse.protocol.Encoding;

import java.time.Instant;

/**
 * A count payload as a transport received it, before decoding.
 *
 * @param authenticatedDevice the device id the transport vouches for: the MQTT topic's device (the broker only lets a
 *                            device publish below its own topic), the DTLS-PSK identity or CoAP token's device, the
 *                            HTTP bearer token's device. A payload naming another device is rejected.
 * @param encoding            how the payload is encoded; null when the transport was told a content type the contract
 *                            does not know (the intake then rejects it as {@code encoding.unsupported})
 */
public record InboundCounts(
        Transport transport,
        String authenticatedDevice,
        byte[] payload,
        Encoding encoding,
        Instant receivedAt) {
}
