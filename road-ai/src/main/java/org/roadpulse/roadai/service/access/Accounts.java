package org.roadpulse.roadai.service.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.roadpulse.platform.web.PageLogin;

/**
 * The accounts live in the ingest service; road-ai's login page hands the credentials to its
 * {@code POST /api/v1/login} and keeps the token it gives. The ingest service's lock-out and rate limits apply as
 * they are, and its refusals (401 {@code login.failed}, 423 {@code login.locked}, 429 {@code login.rate_limited}) are
 * passed on unchanged. It also says whether a token it issued still stands ({@link #standing}): a person whose access
 * changed or ended since is refused there ({@code GET /api/v1/me} answers 401), and so here.
 */
public final class Accounts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Asking about a token happens while a request waits: a short limit. */
    private static final Duration STANDING_TIMEOUT = Duration.ofSeconds(2);

    private final URI login;
    private final URI me;
    private final HttpClient http;
    private final Duration timeout;
    private final Supplier<Optional<String>> serviceToken;

    /**
     * @param serviceToken a token of road-ai's own, once the shared key is known: with it the account service counts
     *                     a login against the person's address, not road-ai's ({@link PageLogin#LOGIN_FOR_HEADER})
     */
    public Accounts(String baseUrl, Duration timeout, Supplier<Optional<String>> serviceToken) {
        this.serviceToken = serviceToken;
        String base = baseUrl.replaceAll("/+$", "");
        this.login = URI.create(base + "/api/v1/login");
        this.me = URI.create(base + "/api/v1/me");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** What a login attempt came to. */
    public sealed interface Outcome permits LoggedIn, Refused, Unavailable {
    }

    /** The person's token and how many seconds it holds. */
    public record LoggedIn(String token, int expiresIn) implements Outcome {
    }

    /** The ingest service said no: its status and its JSON refusal, to be passed on. */
    public record Refused(int status, String body) implements Outcome {
    }

    /** The ingest service could not be asked, or answered with an error of its own. */
    public record Unavailable(String why) implements Outcome {
    }

    /** Whether the account service still accepts a token. */
    public enum Standing {
        CURRENT,
        /** Refused there (401): the person's access changed or ended after the token was issued, or it expired. */
        WITHDRAWN,
        /** It could not be asked, or answered something else. */
        UNKNOWN
    }

    public Standing standing(String token) {
        HttpRequest request = HttpRequest.newBuilder(me).timeout(STANDING_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Standing.CURRENT : status == 401 ? Standing.WITHDRAWN : Standing.UNKNOWN;
        } catch (IOException e) {
            return Standing.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Standing.UNKNOWN;
        }
    }

    /** @param from the address the person logs in from */
    public Outcome logIn(String username, String password, String from) {
        ObjectNode credentials = JSON.createObjectNode().put("username", username).put("password", password);
        HttpRequest.Builder builder = HttpRequest.newBuilder(login).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials.toString()));
        serviceToken.get().ifPresent(token -> builder.header("Authorization", "Bearer " + token)
                .header(PageLogin.LOGIN_FOR_HEADER, from));
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Unavailable("the account service at " + login + " cannot be reached ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status == 401 || status == 423 || status == 429 || status == 400) {
            return new Refused(status, response.body());
        }
        if (status != 200) {
            return new Unavailable("the account service at " + login + " answered " + status);
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return new LoggedIn(body.path("token").asText(), body.path("expiresIn").asInt());
        } catch (IOException e) {
            return new Unavailable("the account service's answer is not JSON");
        }
    }
}
