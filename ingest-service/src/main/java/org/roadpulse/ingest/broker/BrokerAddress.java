package org.roadpulse.ingest.broker;

/**
 * Where the ingest service's own MQTT clients connect: the embedded broker started by this service, or the external
 * broker of {@code roadpulse.broker.url}.
 *
 * @param url a Paho server URI such as {@code tcp://127.0.0.1:1883}
 */
public record BrokerAddress(String url) {
}
