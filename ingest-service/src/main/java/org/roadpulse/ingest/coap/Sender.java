package org.roadpulse.ingest.coap;

import org.roadpulse.protocol.Rejection;

/** Who sent a CoAP request, as far as the service could tell. */
sealed interface Sender {

    /** The device the DTLS session or the token vouches for, which is also the device in the request path. */
    record Authenticated(String deviceId) implements Sender {
    }

    /** Not let in: no credentials, wrong ones, or a path naming another device. */
    record Refused(Rejection rejection) implements Sender {
    }
}
