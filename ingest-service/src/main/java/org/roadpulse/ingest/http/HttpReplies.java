package org.roadpulse.ingest.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;

/** How intake outcomes and refusals become HTTP responses. A client's mistake is a 4xx, never a 500. */
final class HttpReplies {

    /** Seconds a client should wait before it retries a 503. */
    static final String RETRY_AFTER_SECONDS = "5";
    static final String UNAVAILABLE = "service.unavailable";

    private HttpReplies() {
    }

    static MutableHttpResponse<?> of(IntakeResult result) {
        if (result instanceof IntakeResult.Stored stored) {
            return HttpResponse.ok(new Replies.Stored(stored.duplicate() ? "duplicate" : "stored", stored.deviceId(),
                    stored.seq()));
        }
        if (result instanceof IntakeResult.Rejected rejected) {
            return refuse(rejected.rejection());
        }
        if (result instanceof IntakeResult.Throttled throttled) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(throttled.retryAfterSeconds()))
                    .body(new Replies.Error(Reasons.RATE_EXCEEDED, null, "device " + throttled.deviceId()
                            + " sends faster than its limit; keep the payload and send it again later"));
        }
        return unavailable(((IntakeResult.Unavailable) result).why());
    }

    static MutableHttpResponse<?> refuse(Rejection rejection) {
        return HttpResponse.status(statusOf(rejection.reason())).body(Replies.Error.of(rejection));
    }

    static MutableHttpResponse<?> refuse(String reason, String field, String message) {
        return refuse(Rejection.of(reason, field, message));
    }

    static MutableHttpResponse<?> unauthorized(String reason, String message) {
        return refuse(reason, null, message).header("WWW-Authenticate", "Bearer realm=\"roadpulse\"");
    }

    /** 403: the caller has the role, but what they name belongs to a municipality that is not theirs. */
    static MutableHttpResponse<?> notYours(String what) {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new Replies.Error(SiteReplies.NOT_YOURS, null,
                what + " is not in your municipalities"));
    }

    static MutableHttpResponse<?> unavailable(String why) {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .body(new Replies.Error(UNAVAILABLE, null, why + "; retry later"));
    }

    static HttpStatus statusOf(String reason) {
        return switch (reason) {
            case Reasons.AUTH_MISSING, Reasons.AUTH_INVALID -> HttpStatus.UNAUTHORIZED;
            case Reasons.DEVICE_MISMATCH, Reasons.DEVICE_UNKNOWN, Reasons.DEVICE_REVOKED -> HttpStatus.FORBIDDEN;
            case Reasons.PAYLOAD_TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case Reasons.ENCODING_UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
