package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import java.time.Instant;
import java.util.Set;

/**
 * A person's account: who they are, what they may do and where. The password hash never leaves the access package
 * through the API ({@link #withoutSecrets()} is what is shown).
 *
 * @param lockedUntil null unless too many failed logins locked the account until then
 */
public record Person(String username, String passwordHash, Set<Role> roles, Set<String> municipalities,
                     int failedLogins, Instant lockedUntil) {

    public Person {
        roles = Set.copyOf(roles);
        municipalities = Set.copyOf(municipalities);
    }

    public Visibility visibility() {
        return roles.contains(Role.OPERATOR) ? Visibility.everything() : Visibility.of(municipalities);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Person withoutSecrets() {
        return new Person(username, "", roles, municipalities, failedLogins, lockedUntil);
    }
}
