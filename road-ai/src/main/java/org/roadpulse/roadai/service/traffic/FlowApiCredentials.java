package org.roadpulse.roadai.service.traffic;

import java.util.Optional;

/** What road-ai shows the flow API: a bearer token for the municipality it asks about, or nothing. */
@FunctionalInterface
public interface FlowApiCredentials {

    Optional<String> bearerFor(String municipality);

    static FlowApiCredentials none() {
        return municipality -> Optional.empty();
    }
}
