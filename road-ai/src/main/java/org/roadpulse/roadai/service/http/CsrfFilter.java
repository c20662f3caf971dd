package org.roadpulse.roadai.service.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.roadpulse.platform.web.PageLogin;

/**
 * CSRF protection for the staff pages' cookie login (double submit, {@link PageLogin#csrfRefused}): a state-changing
 * request that carries the login cookie must repeat the CSRF cookie's value in the header.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CsrfFilter {

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        return PageLogin.csrfRefused(request) ? HttpResponse.status(HttpStatus.FORBIDDEN).body(
                new Replies.Error("csrf.invalid", PageLogin.CSRF_HEADER, PageLogin.csrfRefusal())) : null;
    }
}
