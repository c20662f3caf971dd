package org.roadpulse.ingest.mqtt;

/** What becomes of an inbound QoS 1 message once its handling finished. */
enum Settlement {
    /** PUBACK: the message was stored, or refused for good (a bad payload must not come back forever). */
    ACKNOWLEDGE,
    /** No PUBACK: the service could not take it now; the broker must deliver it again. */
    REDELIVER
}
