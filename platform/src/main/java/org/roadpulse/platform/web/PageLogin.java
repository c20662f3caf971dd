package org.roadpulse.platform.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * How the pages of both services stay logged in: the person's JWT in the HttpOnly cookie {@value #TOKEN_COOKIE}, and
 * a readable {@value #CSRF_COOKIE} cookie whose value every state-changing request repeats in the {@value #CSRF_HEADER}
 * header (double submit). Another site can make a browser send the cookies but cannot read them to set the header.
 * The login page itself ({@code /login/}) lives in this module's resources and is served by both services.
 */
public final class PageLogin {

    public static final String TOKEN_COOKIE = "JWT";
    public static final String CSRF_COOKIE = "CSRF-TOKEN";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /**
     * road-ai's login page hands the credentials to the ingest service; with a service token it names in this header
     * the address the person logged in from, so that the ingest service's per-address login limit counts people, not
     * road-ai. Without a service token the header is ignored.
     */
    public static final String LOGIN_FOR_HEADER = "X-RoadPulse-Login-For";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private PageLogin() {
    }

    /** 192 random bits, URL-safe: a fresh CSRF token. */
    public static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether a request must be refused as a possible cross-site forgery: it changes something, carries the login
     * cookie, and does not repeat the CSRF cookie in the header. Requests with a bearer token and no login cookie (API
     * clients, devices) and the login itself (no login cookie yet) pass.
     */
    public static boolean csrfRefused(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || request.getCookies().findCookie(TOKEN_COOKIE).isEmpty()) {
            return false;
        }
        String expected = request.getCookies().findCookie(CSRF_COOKIE).map(Cookie::getValue).orElse("");
        return !csrfMatches(expected, request.getHeaders().get(CSRF_HEADER));
    }

    /** Whether the header repeats the cookie; compared in constant time, and never true for an empty cookie. */
    public static boolean csrfMatches(String cookieValue, String headerValue) {
        if (cookieValue == null || cookieValue.isEmpty() || headerValue == null) {
            return false;
        }
        return MessageDigest.isEqual(cookieValue.getBytes(StandardCharsets.UTF_8),
                headerValue.getBytes(StandardCharsets.UTF_8));
    }

    /** The refusal's message, the same in both services. */
    public static String csrfRefusal() {
        return "a change made with the login cookie needs the " + CSRF_HEADER + " header (the " + CSRF_COOKIE
                + " cookie's value)";
    }
}
