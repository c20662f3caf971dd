package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import java.util.Set;

/**
 * Who is asking, as their token says: a person's name, roles and what they may see. Built at the HTTP edge from
 * the verified token and handed to the queries, which apply {@link #visibility()}.
 */
public record Caller(String username, Set<Role> roles, Visibility visibility) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(Person person) {
        return new Caller(person.username(), person.roles(), person.visibility());
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
