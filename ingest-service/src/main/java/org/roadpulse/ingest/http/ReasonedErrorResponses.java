package org.roadpulse.ingest.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.roadpulse.protocol.Reasons;

/**
 * Gives the errors the framework answers by itself (unreadable body, body too large, unknown route, ...) the same
 * shape as every other refusal: {@code {"reason", "field", "message"}}. A 500 says nothing about its cause.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ReasonedErrorResponses implements ErrorResponseProcessor<Replies.Error> {

    @Override
    public MutableHttpResponse<Replies.Error> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Replies.Error> typed = (MutableHttpResponse<Replies.Error>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return typed;
        }
        int code = response.code();
        String message = code >= 500
                ? "internal error"
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(response.reason());
        return typed.body(new Replies.Error(reason(code), null, message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String reason(int code) {
        return switch (code) {
            case 400 -> Reasons.PAYLOAD_MALFORMED;
            case 401 -> Reasons.AUTH_MISSING;
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method.not_allowed";
            case 406 -> "accept.unsupported";
            case 413 -> Reasons.PAYLOAD_TOO_LARGE;
            case 415 -> Reasons.ENCODING_UNSUPPORTED;
            case 503 -> HttpReplies.UNAVAILABLE;
            default -> code >= 500 ? "internal" : "request.invalid";
        };
    }
}
