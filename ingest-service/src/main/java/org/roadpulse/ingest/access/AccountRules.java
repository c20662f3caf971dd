package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import org.roadpulse.protocol.Rejection;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes an account valid, and who may give which roles where. Operators grant anything; a municipal admin
 * manages only accounts that lie wholly within their municipalities and cannot make operators; nobody else manages
 * accounts. Plain Java, so the rules are tested without a database.
 */
public final class AccountRules {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 256;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern AGS = Pattern.compile("[0-9]{8}");

    private AccountRules() {
    }

    public static Optional<Rejection> checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.of(Rejection.of("username.invalid", "username",
                    "2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        return Optional.empty();
    }

    public static Optional<Rejection> checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.of(Rejection.of("password.invalid", "password",
                    MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters"));
        }
        return Optional.empty();
    }

    public static Optional<Rejection> checkGrant(Set<Role> roles, Set<String> municipalities) {
        if (roles == null || roles.isEmpty()) {
            return Optional.of(Rejection.of("roles.invalid", "roles",
                    "at least one of PLANNER, MAINTENANCE, MUNICIPAL_ADMIN, OPERATOR"));
        }
        if (municipalities == null) {
            return Optional.of(Rejection.of("municipality.invalid", "municipalities", "a list of AGS (8 digits)"));
        }
        for (String municipality : municipalities) {
            if (municipality == null || !AGS.matcher(municipality).matches()) {
                return Optional.of(Rejection.of("municipality.invalid", "municipalities",
                        "'" + municipality + "' is no AGS (8 digits)"));
            }
        }
        if (municipalities.isEmpty() && !roles.contains(Role.OPERATOR)) {
            return Optional.of(Rejection.of("municipality.invalid", "municipalities",
                    "everyone but an operator needs at least one municipality"));
        }
        return Optional.empty();
    }

    /** Throws unless {@code caller} may give these roles in these municipalities. */
    public static void requireMayGrant(Caller caller, Set<Role> roles, Set<String> municipalities) {
        if (caller.is(Role.OPERATOR)) {
            return;
        }
        requireAdmin(caller);
        if (roles.contains(Role.OPERATOR)) {
            throw new AccessDeniedException("role.not_grantable", "only operators make operators");
        }
        for (String municipality : municipalities) {
            if (!caller.visibility().includes(municipality)) {
                throw new AccessDeniedException("municipality.not_yours",
                        "municipality " + municipality + " is not one of yours");
            }
        }
    }

    /** Throws unless {@code caller} may change or remove the existing account {@code target}. */
    public static void requireMayManage(Caller caller, Person target) {
        requireMayGrant(caller, target.roles(), target.municipalities());
    }

    public static void requireAdmin(Caller caller) {
        if (!caller.is(Role.OPERATOR) && !caller.is(Role.MUNICIPAL_ADMIN)) {
            throw new AccessDeniedException("role.missing", "managing accounts needs MUNICIPAL_ADMIN or OPERATOR");
        }
    }
}
