package org.roadpulse.roadai.service.access;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.roadpulse.platform.access.Role;
import org.roadpulse.platform.access.ServiceTokens;

/**
 * Who acts, as their verified token says: the name the audit trail and the item history keep, their roles, and the
 * municipalities (AGS) they work in. An operator works in every municipality.
 */
public record Staff(String username, Set<Role> roles, Set<String> municipalities) {

    public Staff {
        roles = Set.copyOf(roles);
        municipalities = Set.copyOf(municipalities);
    }

    /** From the token's claims {@code sub}, {@code roles} and {@code municipalities}; unknown roles are ignored. */
    public static Staff of(Authentication authentication) {
        Set<Role> roles = new TreeSet<>();
        authentication.getRoles().forEach(name -> Role.named(name).ifPresent(roles::add));
        Set<String> municipalities = new TreeSet<>();
        if (authentication.getAttributes().get(ServiceTokens.MUNICIPALITIES) instanceof Collection<?> values) {
            values.forEach(value -> municipalities.add(String.valueOf(value)));
        }
        return new Staff(authentication.getName(), roles, municipalities);
    }

    public boolean worksIn(String ags) {
        return roles.contains(Role.OPERATOR) || municipalities.contains(ags);
    }
}
