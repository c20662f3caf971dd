package org.roadpulse.platform.access;

import java.util.Optional;

/**
 * What a person may do. A person holds one or more roles, each within their municipalities; only an operator acts
 * across all municipalities. The names are the values of the JWT's {@code roles} claim, shared with road-ai.
 */
public enum Role {
    /** Reads the flow data and sites of their municipalities. */
    PLANNER,
    /** Works the maintenance queue of their municipality (road-ai). */
    MAINTENANCE,
    /** Devices, sites and users of their municipality; reads its audit trail. */
    MUNICIPAL_ADMIN,
    /** Everything, in every municipality. */
    OPERATOR;

    public static Optional<Role> named(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
