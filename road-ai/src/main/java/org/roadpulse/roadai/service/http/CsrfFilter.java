package org.roadpulse.roadai.service.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import java.util.Set;
import org.roadpulse.platform.web.PageLogin;

/**
 * CSRF protection for the staff pages' cookie login (double submit, {@link PageLogin}): a state-changing request that
 * carries the login cookie must repeat the CSRF cookie's value in the header. API clients with a bearer token and no
 * cookie are not affected. The login itself carries no login cookie yet, so it passes.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CsrfFilter {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod())
                || request.getCookies().findCookie(PageLogin.TOKEN_COOKIE).isEmpty()) {
            return null;
        }
        String expected = request.getCookies().findCookie(PageLogin.CSRF_COOKIE).map(Cookie::getValue).orElse("");
        if (!PageLogin.csrfMatches(expected, request.getHeaders().get(PageLogin.CSRF_HEADER))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new Replies.Error("csrf.invalid",
                    PageLogin.CSRF_HEADER, PageLogin.csrfRefusal()));
        }
        return null;
    }
}
