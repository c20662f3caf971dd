package org.roadpulse.ingest.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.roadpulse.ingest.access.Person;
import org.roadpulse.platform.access.Role;
import org.roadpulse.ingest.access.Tokens;

import java.util.Set;

/**
 * The one way tests log in: tokens signed by the service under test itself, for an operator or any made-up person,
 * without going through the password check (which has tests of its own). Security stays on in every test.
 */
public final class TestLogins {

    private TestLogins() {
    }

    public static String operatorToken(ApplicationContext context) {
        return token(context, "test-operator", Set.of(Role.OPERATOR), Set.of());
    }

    public static String token(ApplicationContext context, String username, Set<Role> roles,
                               Set<String> municipalities) {
        return context.getBean(Tokens.class).issue(new Person(username, "", roles, municipalities, 0, null));
    }

    /** HTTP calls to the server as an operator. */
    public static HttpCalls operator(EmbeddedServer server) {
        return new HttpCalls(server.getURL(), operatorToken(server.getApplicationContext()));
    }
}
