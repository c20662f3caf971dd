package org.roadpulse.roadai.service.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** The framework's own refusals (unknown route, unreadable body, ...) in the API's shape; a 500 tells nothing inside. */
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
        String message = code >= 500 ? "internal error"
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(response.reason());
        String reason = switch (code) {
            case 400 -> "request.invalid";
            case 404 -> "not_found";
            case 405 -> "method.not_allowed";
            case 413 -> "payload.too_large";
            case 415 -> "media_type.unsupported";
            default -> code >= 500 ? "internal" : "request.invalid";
        };
        return typed.body(new Replies.Error(reason, null, message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
