package org.roadpulse.ingest.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import org.roadpulse.ingest.sites.SiteRules;
import org.roadpulse.protocol.Rejection;

import java.util.Optional;

/**
 * Refusals of the site API. Always 400 for a mistake in the request, whatever the reason: {@code device.unknown}
 * here names a device a site lists, not a device that is sending (which {@link HttpReplies} answers with 403).
 * The content type is set because the GeoJSON export's route would otherwise choose application/geo+json.
 */
final class SiteReplies {

    /** A municipality the caller does not administer (403). */
    static final String NOT_YOURS = "municipality.not_yours";

    private SiteReplies() {
    }

    static MutableHttpResponse<?> notYours(String message) {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new Replies.Error(NOT_YOURS, "municipality", message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static MutableHttpResponse<?> badRequest(Rejection rejection) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Replies.Error.of(rejection))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static MutableHttpResponse<?> unknown(String id) {
        return HttpResponse.status(HttpStatus.NOT_FOUND)
                .body(new Replies.Error(SiteRules.UNKNOWN, "id", "no measurement site '" + id + "'"))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** A {@code ?municipality=} filter must be an AGS; a typo would otherwise look like a municipality without sites. */
    static MutableHttpResponse<?> unavailable(String why) {
        return HttpReplies.unavailable(why).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static Optional<MutableHttpResponse<?>> checkMunicipalityFilter(String municipality) {
        if (municipality == null || SiteRules.isMunicipalityKey(municipality)) {
            return Optional.empty();
        }
        return Optional.of(badRequest(Rejection.of(SiteRules.MUNICIPALITY_INVALID, "municipality",
                "municipality must be the 8-digit official municipality key (AGS)")));
    }
}
