package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roles and municipalities from a municipal identity provider's groups (OIDC login, docs/security.md): a group
 * {@code roadpulse-<role>-<AGS>} gives the role in that municipality, e.g. {@code roadpulse-planner-10045111};
 * {@code roadpulse-operator} makes an operator. Other groups are ignored, so an IdP shared with other applications
 * grants nothing by accident.
 */
public final class IdpGroups {

    private static final Pattern GROUP = Pattern.compile(
            "/?roadpulse-(planner|maintenance|municipal_admin|municipal-admin|operator)(?:-([0-9]{8}))?");

    private IdpGroups() {
    }

    /** What the groups grant; no roles when none of them is a RoadPulse group. */
    public record Grant(Set<Role> roles, Set<String> municipalities) {
    }

    public static Grant of(Collection<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> municipalities = new TreeSet<>();
        for (String group : groups) {
            Matcher matcher = GROUP.matcher(group.toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                continue;
            }
            Role role = Role.valueOf(matcher.group(1).replace('-', '_').toUpperCase(Locale.ROOT));
            if (role == Role.OPERATOR) {
                roles.add(role);
            } else if (matcher.group(2) != null) {
                roles.add(role);
                municipalities.add(matcher.group(2));
            }
        }
        return new Grant(roles, municipalities);
    }
}
