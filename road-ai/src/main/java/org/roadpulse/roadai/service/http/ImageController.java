package org.roadpulse.roadai.service.http;

import org.roadpulse.roadai.service.access.Staff;
import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.service.intake.BatchImport;
import org.roadpulse.roadai.service.intake.BatchReport;
import org.roadpulse.roadai.service.intake.FileResult;
import org.roadpulse.roadai.service.intake.FrameSurveys;
import org.roadpulse.roadai.service.intake.ImageIntake;
import org.roadpulse.roadai.service.intake.IncomingImage;
import org.roadpulse.roadai.service.queue.InvalidParameterException;
import org.roadpulse.roadai.service.domain.Municipality;
import org.roadpulse.roadai.service.storage.PgAuditTrail;
import org.roadpulse.roadai.service.storage.PgDetections;
import org.roadpulse.roadai.service.storage.PgSurveyImages;
import org.roadpulse.roadai.tracks.Track;
import org.roadpulse.roadai.tracks.TrackFormatException;

/** Survey images in (one, or a folder of a drive with its track), anonymised pictures and unmatched detections out. */
@Controller("/api/v1/municipalities/{ags}")
@Secured({AccessRules.MAINTENANCE, AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Survey images")
final class ImageController {

    private static final MediaType JPEG = MediaType.IMAGE_JPEG_TYPE;

    private final Scope scope;
    private final ImageIntake intake;
    private final BatchImport batch;
    private final FrameSurveys surveys;
    private final PgSurveyImages images;
    private final PgDetections detections;
    private final PgAuditTrail auditTrail;

    ImageController(Scope scope, ImageIntake intake, BatchImport batch, FrameSurveys surveys, PgSurveyImages images,
                    PgDetections detections, PgAuditTrail auditTrail) {
        this.scope = scope;
        this.intake = intake;
        this.batch = batch;
        this.surveys = surveys;
        this.images = images;
        this.detections = detections;
        this.auditTrail = auditTrail;
    }

    @Post(uri = "/images", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Uploads one survey image", description = """
            Multipart: `file` (JPEG), optional `lat`, `lon` (WGS 84), `time` (ISO 8601 with offset), `heading` \
            (degrees). Without lat/lon the EXIF GPS position is used. The image is anonymised (faces and number \
            plates pixelated) before anything is stored; the original is never kept. 201 stored, 200 when the same \
            file was stored before (`outcome: duplicate`, ignored), 400 with the reason when refused, 503 without a \
            damage model.""")
    HttpResponse<?> upload(String ags, @Parameter(hidden = true) Staff staff, @Body MultipartBody body) {
        Municipality municipality = scope.of(ags, staff);
        surveys.require();
        MultipartForm form = MultipartForm.read(body);
        List<MultipartForm.FilePart> files = form.files();
        if (files.size() != 1) {
            throw new InvalidParameterException("file", "send exactly one file in the part 'file' (a folder: /images/batch)");
        }
        Double lat = number(form, "lat", -90, 90);
        Double lon = number(form, "lon", -180, 180);
        if ((lat == null) != (lon == null)) {
            throw new InvalidParameterException(lat == null ? "lat" : "lon", "give both lat and lon, or neither");
        }
        MultipartForm.FilePart file = files.get(0);
        FileResult result = intake.accept(municipality, new IncomingImage(name(file), file.bytes(), lat, lon,
                time(form), number(form, "heading", 0, 360)), null);
        auditTrail.add(municipality.ags(), Instant.now(), staff.username(), "images.imported",
                result.file() + ": " + result.outcome());
        return switch (result.outcome()) {
            case "stored" -> HttpResponse.status(HttpStatus.CREATED).body(result);
            case "duplicate" -> HttpResponse.ok(result);
            default -> ServiceErrors.reply(HttpStatus.BAD_REQUEST, result.reason(),
                    result.reason().startsWith("position") ? "lat" : "file", result.message());
        };
    }

    @Post(uri = "/images/batch", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Imports the images of one drive (a folder), optionally with its GPX or CSV track",
            description = """
            Multipart: any number of `files` (JPEG) and an optional `track` (GPX, or CSV with time, lat, lon). An \
            image is placed by its EXIF GPS, else by the track at its EXIF capture time (never across a gap in the \
            track longer than `roadai.intake.max-track-gap-seconds`). The report has one line per file: `stored`, \
            `duplicate` or `refused` with the reason (`file.not_jpeg`, `file.truncated`, `file.unreadable`, \
            `position.missing`, `position.outside_municipality`). A refused file stores nothing. The server's \
            multipart decoder turns `=`, `;`, `:` and `,` in a file name into spaces: to keep them, percent-encode \
            the names and send the field `fileNameEncoding=percent` (the pages do).""")
    BatchReport importFolder(String ags, @Parameter(hidden = true) Staff staff, @Body MultipartBody body) {
        Municipality municipality = scope.of(ags, staff);
        surveys.require();
        MultipartForm form = MultipartForm.read(body);
        Track track = null;
        List<IncomingImage> files = new ArrayList<>();
        for (MultipartForm.FilePart part : form.files()) {
            if (part.name().equals("track")) {
                try {
                    track = BatchImport.track(name(part), part.bytes());
                } catch (TrackFormatException | IllegalArgumentException e) {
                    throw new InvalidParameterException("track", "the track cannot be read: " + e.getMessage());
                }
            } else {
                files.add(new IncomingImage(name(part), part.bytes(), null, null, null, null));
            }
        }
        if (files.isEmpty()) {
            throw new InvalidParameterException("files", "no image files in the part 'files'");
        }
        BatchReport report = batch.run(municipality, files, track);
        auditTrail.add(municipality.ags(), Instant.now(), staff.username(), "images.imported", report.stored()
                + " stored, " + report.duplicates() + " duplicate, " + report.refused() + " refused"
                + (track == null ? "" : ", with a track"));
        return report;
    }

    @Get(uri = "/images/{id}/image.jpg", produces = "image/jpeg")
    @Operation(summary = "The anonymised survey image")
    HttpResponse<byte[]> image(String ags, @Parameter(hidden = true) Staff staff, long id) {
        return picture(scope.of(ags, staff).ags(), id, false);
    }

    @Get(uri = "/images/{id}/overlay.jpg", produces = "image/jpeg")
    @Operation(summary = "The anonymised image, smaller, with the damage map drawn over it")
    HttpResponse<byte[]> overlay(String ags, @Parameter(hidden = true) Staff staff, long id) {
        return picture(scope.of(ags, staff).ags(), id, true);
    }

    @Get("/detections/unmatched")
    @Operation(summary = "Detections that lie on no road of the municipality (within the snap tolerance)")
    List<Replies.DetectionReply> unmatched(String ags, @Parameter(hidden = true) Staff staff) {
        return detections.unmatched(scope.of(ags, staff).ags()).stream().map(Replies.DetectionReply::of).toList();
    }

    private HttpResponse<byte[]> picture(String scopedAgs, long id, boolean overlay) {
        return images.picture(scopedAgs, id, overlay)
                .<HttpResponse<byte[]>>map(bytes -> HttpResponse.ok(bytes).contentType(JPEG)
                        .header("Cache-Control", "private, max-age=86400"))
                .orElseGet(HttpResponse::notFound);
    }

    private static String name(MultipartForm.FilePart part) {
        String name = part.fileName() == null || part.fileName().isBlank() ? "(unnamed)" : part.fileName();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static Double number(MultipartForm form, String field, double min, double max) {
        String text = form.field(field);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidParameterException(field, field + " must be a number from " + min + " to " + max
                + ", not '" + text + "'");
    }

    private static Instant time(MultipartForm form) {
        String text = form.field("time");
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("time", "time is ISO 8601 with offset (2026-12-01T09:30:00+01:00), not '"
                    + text + "'");
        }
    }
}
