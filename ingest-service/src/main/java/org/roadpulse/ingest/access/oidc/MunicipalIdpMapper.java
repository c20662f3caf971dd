package org.roadpulse.ingest.access.oidc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.roadpulse.ingest.access.IdpGroups;
import org.roadpulse.platform.access.Role;
import org.roadpulse.ingest.access.Tokens;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * OIDC login against a municipal identity provider (client {@code municipal}, docs/security.md): the IdP's groups claim
 * becomes roles and municipalities ({@link IdpGroups}), and Micronaut then issues the same JWT cookie as a password
 * login. Someone with no RoadPulse group is refused. Only present when OIDC is switched on.
 */
@Singleton
@Named("municipal")
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
final class MunicipalIdpMapper implements OpenIdAuthenticationMapper {

    private final String groupsClaim;

    MunicipalIdpMapper(@Value("${roadpulse.security.oidc-groups-claim:groups}") String groupsClaim) {
        this.groupsClaim = groupsClaim;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName,
                                                                          OpenIdTokenResponse tokenResponse,
                                                                          OpenIdClaims claims,
                                                                          @Nullable State state) {
        Object value = claims.getClaims().get(groupsClaim);
        List<String> groups = value instanceof Collection<?> list ? list.stream().map(String::valueOf).toList()
                : List.of();
        IdpGroups.Grant grant = IdpGroups.of(groups);
        String username = claims.getPreferredUsername() != null ? claims.getPreferredUsername() : claims.getSubject();
        if (grant.roles().isEmpty()) {
            return Publishers.just(AuthenticationResponse.failure("no RoadPulse group for " + username));
        }
        return Publishers.just(AuthenticationResponse.success(username,
                grant.roles().stream().map(Role::name).sorted().toList(),
                Map.of(Tokens.MUNICIPALITIES, List.copyOf(grant.municipalities()))));
    }
}
