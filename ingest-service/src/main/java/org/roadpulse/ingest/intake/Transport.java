package org.roadpulse.ingest.intake;

/** The way a payload reached the service; kept with every stored message and dead letter. */
public enum Transport {
    MQTT, COAP, HTTP
}
