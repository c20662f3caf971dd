package org.roadpulse.roadai.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.swagger.v3.oas.annotations.Hidden;
import org.roadpulse.roadai.maintenance.TransitionRefusedException;
import org.roadpulse.roadai.service.intake.ModelMissingException;
import org.roadpulse.roadai.service.queue.InvalidParameterException;
import org.roadpulse.roadai.service.queue.ItemNotFoundException;
import org.roadpulse.roadai.service.storage.StorageFaultException;
import org.roadpulse.roadai.service.storage.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the domain's refusals become answers, for every endpoint: a user's mistake is a 400 naming the parameter, an
 * unknown municipality or item a 404, a step the workflow forbids a 409 with the reason, a missing model or a database
 * outage a 503. Never a 500 for something the caller can fix; a 500 (logged with its stack) only for our own bug,
 * such as a statement the database refuses.
 */
@Hidden
@Controller
final class ServiceErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceErrors.class);

    @Error(global = true, exception = InvalidParameterException.class)
    HttpResponse<Replies.Error> invalid(HttpRequest<?> request, InvalidParameterException e) {
        return reply(HttpStatus.BAD_REQUEST, "parameter.invalid", e.parameter(), e.getMessage());
    }

    @Error(global = true, exception = Scope.UnknownMunicipalityException.class)
    HttpResponse<Replies.Error> unknownMunicipality(HttpRequest<?> request, Scope.UnknownMunicipalityException e) {
        return reply(HttpStatus.NOT_FOUND, "municipality.unknown", "ags", e.getMessage());
    }

    @Error(global = true, exception = ItemNotFoundException.class)
    HttpResponse<Replies.Error> unknownItem(HttpRequest<?> request, ItemNotFoundException e) {
        return reply(HttpStatus.NOT_FOUND, "item.unknown", "id", e.getMessage());
    }

    @Error(global = true, exception = TransitionRefusedException.class)
    HttpResponse<Replies.Error> refused(HttpRequest<?> request, TransitionRefusedException e) {
        return reply(HttpStatus.CONFLICT, "transition.refused", "action", e.getMessage());
    }

    @Error(global = true, exception = ModelMissingException.class)
    HttpResponse<Replies.Error> noModel(HttpRequest<?> request, ModelMissingException e) {
        return reply(HttpStatus.SERVICE_UNAVAILABLE, "model.missing", null, e.getMessage());
    }

    @Error(global = true, exception = StorageUnavailableException.class)
    HttpResponse<Replies.Error> noDatabase(HttpRequest<?> request, StorageUnavailableException e) {
        LOG.warn("Database unavailable: {}", e.getMessage());
        return HttpResponse.<Replies.Error>status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                .body(new Replies.Error("service.unavailable", null,
                        "the database cannot be reached; nothing was changed, try again shortly"))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Error(global = true, exception = StorageFaultException.class)
    HttpResponse<Replies.Error> databaseRefused(HttpRequest<?> request, StorageFaultException e) {
        LOG.error("{} {} failed: the database refused a statement", request.getMethod(), request.getPath(), e);
        return reply(HttpStatus.INTERNAL_SERVER_ERROR, "internal.error", null,
                "an internal error occurred; nothing was changed and it has been logged");
    }

    @Error(global = true, exception = MultipartForm.UploadUnreadableException.class)
    HttpResponse<Replies.Error> unreadableUpload(HttpRequest<?> request, MultipartForm.UploadUnreadableException e) {
        return reply(HttpStatus.BAD_REQUEST, "upload.unreadable", null, "the upload could not be read: "
                + e.getMessage());
    }

    static HttpResponse<Replies.Error> reply(HttpStatus status, String reason, String field, String message) {
        return HttpResponse.<Replies.Error>status(status).body(new Replies.Error(reason, field, message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
