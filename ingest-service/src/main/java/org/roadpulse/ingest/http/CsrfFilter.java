package org.roadpulse.ingest.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;

import org.roadpulse.platform.web.PageLogin;


/**
 * CSRF protection for the pages' cookie login (double submit, {@link PageLogin#csrfRefused}): a state-changing request
 * that carries the login cookie must repeat the {@value #COOKIE} cookie's value in the {@value #HEADER} header. Another
 * site can make a browser send the cookies (SameSite=Strict already stops most of that) but cannot read them to set
 * the header. Requests with a bearer token and no cookie (API clients, devices) are not affected.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CsrfFilter {

    static final String COOKIE = PageLogin.CSRF_COOKIE;
    static final String HEADER = PageLogin.CSRF_HEADER;

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        return PageLogin.csrfRefused(request) ? HttpResponse.status(HttpStatus.FORBIDDEN).body(
                new Replies.Error("csrf.invalid", HEADER, PageLogin.csrfRefusal())) : null;
    }

    /**
     * A login that did not come through {@code /login/session} (OIDC, later) has no CSRF cookie yet: the first
     * response gives it one, so the pages can make changes too.
     */
    @ResponseFilter
    void issue(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getCookies().findCookie(LoginController.TOKEN_COOKIE).isPresent()
                && request.getCookies().findCookie(COOKIE).isEmpty()
                && response.getCookies().findCookie(COOKIE).isEmpty()
                && !request.getPath().equals("/logout")) {
            response.cookie(Cookie.of(COOKIE, PageLogin.randomToken()).path("/").httpOnly(false)
                    .sameSite(SameSite.Strict).secure(request.isSecure()));
        }
    }
}
