package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import org.roadpulse.protocol.Rejection;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Managing people's accounts by the {@link AccountRules}: list, create, change roles and municipalities, set or
 * change a password, remove. An account the caller cannot see is "not found", like one that does not exist.
 * Every change is written to the audit trail.
 */
public final class PersonAdministration {

    private final PgPeople people;
    private final PasswordHashing hashing;
    private final AuditTrail audit;
    private final Clock clock;

    public PersonAdministration(PgPeople people, PasswordHashing hashing, AuditTrail audit, Clock clock) {
        this.people = people;
        this.hashing = hashing;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Person> list(Caller caller) {
        AccountRules.requireAdmin(caller);
        return people.list(caller.visibility()).stream().map(Person::withoutSecrets).toList();
    }

    public Optional<Person> find(Caller caller, String username) {
        AccountRules.requireAdmin(caller);
        return people.find(username, caller.visibility()).map(Person::withoutSecrets);
    }

    public Person create(Caller caller, String username, String password, Set<Role> roles,
                         Set<String> municipalities) {
        reject(AccountRules.checkUsername(username).or(() -> AccountRules.checkPassword(password))
                .or(() -> AccountRules.checkGrant(roles, municipalities)));
        AccountRules.requireMayGrant(caller, roles, municipalities);
        Person person = new Person(username, hashing.hash(password), roles, municipalities, 0, null);
        if (!people.create(person)) {
            throw new InvalidAccountException(Rejection.of("username.taken", "username",
                    "an account named '" + username + "' exists"));
        }
        record(caller, "user.created", person, "roles " + sorted(roles));
        return person.withoutSecrets();
    }

    public Optional<Person> grant(Caller caller, String username, Set<Role> roles, Set<String> municipalities) {
        reject(AccountRules.checkGrant(roles, municipalities));
        Optional<Person> existing = find(caller, username);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        AccountRules.requireMayManage(caller, existing.get());
        AccountRules.requireMayGrant(caller, roles, municipalities);
        people.grant(username, roles, municipalities, caller.visibility());
        Person changed = new Person(username, "", roles, municipalities, 0, null);
        record(caller, "user.granted", changed, "roles " + sorted(roles) + ", municipalities "
                + sorted(municipalities));
        return Optional.of(changed);
    }

    /** An admin sets someone's password (and so lifts a lock). False when the caller sees no such account. */
    public boolean setPassword(Caller caller, String username, String password) {
        reject(AccountRules.checkPassword(password));
        Optional<Person> existing = find(caller, username);
        if (existing.isEmpty()) {
            return false;
        }
        AccountRules.requireMayManage(caller, existing.get());
        people.setPassword(username, hashing.hash(password), caller.visibility());
        record(caller, "user.password_set", existing.get(), null);
        return true;
    }

    /** Anyone changes their own password, proving the current one. */
    public void changeOwnPassword(Caller caller, String current, String replacement) {
        reject(AccountRules.checkPassword(replacement));
        Person self = people.find(caller.username()).orElseThrow(() ->
                new AccessDeniedException("user.unknown", "your account no longer exists"));
        if (current == null || !hashing.matches(current, self.passwordHash())) {
            throw new AccessDeniedException("password.wrong", "the current password is wrong");
        }
        people.setPassword(self.username(), hashing.hash(replacement), Visibility.everything());
        record(caller, "user.password_changed", self, null);
    }

    public boolean delete(Caller caller, String username) {
        Optional<Person> existing = find(caller, username);
        if (existing.isEmpty()) {
            return false;
        }
        AccountRules.requireMayManage(caller, existing.get());
        if (username.equals(caller.username())) {
            throw new AccessDeniedException("user.self", "you cannot remove your own account");
        }
        boolean deleted = people.delete(username, caller.visibility());
        if (deleted) {
            record(caller, "user.deleted", existing.get(), null);
        }
        return deleted;
    }

    private void record(Caller caller, String action, Person subject, String detail) {
        audit.record(AuditEntry.of(clock.instant(), caller.username(), action, subject.username(),
                SignIn.home(subject), detail));
    }

    private static void reject(Optional<Rejection> problem) {
        problem.ifPresent(rejection -> {
            throw new InvalidAccountException(rejection);
        });
    }

    private static String sorted(Set<?> values) {
        return values.stream().map(Object::toString).sorted().toList().toString();
    }
}
