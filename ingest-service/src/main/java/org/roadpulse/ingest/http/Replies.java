package org.roadpulse.ingest.http;

import java.util.List;
import org.roadpulse.ingest.access.AuditEntry;
import org.roadpulse.ingest.access.Person;
import org.roadpulse.ingest.access.Caller;
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

    /** Who a token belongs to. */
    @Serdeable
    record Me(String username, List<String> roles, List<String> municipalities, boolean allMunicipalities) {
        static Me of(Caller caller) {
            return new Me(caller.username(), caller.roles().stream().map(Enum::name).sorted().toList(),
                    caller.visibility().sorted(), caller.visibility().all());
        }
    }

    /** A person's account as the user API shows it: never a password or its hash. */
    @Serdeable
    record Account(String username, List<String> roles, List<String> municipalities, boolean locked) {
        static Account of(Person person) {
            return new Account(person.username(), person.roles().stream().map(Enum::name).sorted().toList(),
                    person.municipalities().stream().sorted().toList(),
                    person.lockedAt(java.time.Instant.now()));
        }
    }

    /** Creating an account ({@code password} set) or changing its roles and municipalities. */
    @Serdeable
    record AccountRequest(@Nullable String username, @Nullable String password, @Nullable List<String> roles,
                          @Nullable List<String> municipalities) {
    }

    @Serdeable
    record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    @Serdeable
    record Audited(long id, java.time.Instant at, String actor, String action, @Nullable String subject,
                   @Nullable String municipality, @Nullable String detail) {
        static Audited of(AuditEntry entry) {
            return new Audited(entry.id(), entry.at(), entry.actor(), entry.action(), entry.subject(),
                    entry.municipality(), entry.detail());
        }
    }
}
