package org.roadpulse.ingest.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.roadpulse.protocol.Rejection;

/** The JSON bodies of the HTTP API. */
final class Replies {

    private Replies() {
    }

    /** Every refusal: the reason code of the contract, the offending field (or null) and a message for people. */
    @Serdeable
    record Error(String reason, @Nullable String field, String message) {
        static Error of(Rejection rejection) {
            return new Error(rejection.reason(), rejection.field(), rejection.message());
        }
    }

    /** @param status "stored", or "duplicate" when the same (device, seq) was stored before */
    @Serdeable
    record Stored(String status, String device, long seq) {
    }

    @Serdeable
    record StatusRecorded(String status, String device) {
    }

    @Serdeable
    record ProvisionRequest(@Nullable String id, @Nullable String municipality, @Nullable String name,
                            @Nullable String secret) {
    }

    /** @param state {@value #ACTIVE} (may send) or {@value #REVOKED} (refused on every transport) */
    @Serdeable
    record DeviceState(String id, String state) {
        static final String ACTIVE = "active";
        static final String REVOKED = "revoked";
    }

    /** @param secret shown this once; the service keeps only its hash */
    @Serdeable
    record Provisioned(String id, String municipality, String name, boolean enabled, String secret) {
    }
}
