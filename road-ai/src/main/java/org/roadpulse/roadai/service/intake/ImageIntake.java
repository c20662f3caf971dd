package org.roadpulse.roadai.service.intake;

import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.roadpulse.roadai.roads.GeoPoint;
import org.roadpulse.roadai.roads.RoadNetwork;
import org.roadpulse.roadai.roads.Snapped;
import org.roadpulse.roadai.service.RoadAiSettings;
import org.roadpulse.roadai.service.domain.Municipality;
import org.roadpulse.roadai.service.queue.RoadNetworks;
import org.roadpulse.roadai.service.storage.PgSurveyImages;
import org.roadpulse.roadai.tracks.ExifFacts;
import org.roadpulse.roadai.tracks.Track;

/**
 * One survey image into the list: check the file, recognise a repeat by its hash, find where it was taken (what the
 * sender said, else EXIF GPS, else the drive's track at the capture time), anonymise and map it, and record it.
 * Each refusal names its reason; a refused file stores nothing.
 */
@Singleton
public final class ImageIntake {

    private final FrameSurveys surveys;
    private final PgSurveyImages images;
    private final SurveyRecorder recorder;
    private final RoadNetworks networks;
    private final RoadAiSettings.Intake settings;
    private final Clock clock;

    public ImageIntake(FrameSurveys surveys, PgSurveyImages images, SurveyRecorder recorder, RoadNetworks networks,
                       RoadAiSettings.Intake settings) {
        this.surveys = surveys;
        this.images = images;
        this.recorder = recorder;
        this.networks = networks;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** @throws ModelMissingException when no model is loaded: nothing can be surveyed */
    public FileResult accept(Municipality municipality, IncomingImage in, Track track) {
        FrameSurvey survey = surveys.require();
        String ags = municipality.ags();
        String name = in.fileName();
        Optional<String> refusal = JpegFile.refusal(in.bytes());
        if (refusal.isPresent()) {
            return FileResult.refused(name, refusal.get(), switch (refusal.get()) {
                case "file.empty" -> "the file is empty";
                case "file.not_jpeg" -> "not a JPEG image (only JPEG survey images are accepted)";
                default -> "the JPEG is cut off (no end marker): upload it again";
            });
        }
        String sha256 = sha256(in.bytes());
        if (images.known(ags, sha256)) {
            return FileResult.duplicate(name);
        }
        ExifFacts exif = ExifFacts.of(in.bytes());
        Instant takenAt = in.takenAt() != null ? in.takenAt() : exif.capturedAt().orElse(null);
        Optional<GeoPoint> position = position(in, exif, track, takenAt);
        if (position.isEmpty()) {
            return FileResult.refused(name, "position.missing", track == null
                    ? "no position: give lat/lon, use a camera that writes EXIF GPS, or import with the drive's track"
                    : "no position: the track has no fix near " + (takenAt == null ? "an unknown capture time"
                    : "the capture time " + takenAt) + " and the file has no EXIF GPS");
        }
        GeoPoint at = position.get();
        if (!municipality.covers(at)) {
            return FileResult.refused(name, "position.outside_municipality", String.format(java.util.Locale.ROOT,
                    "%.5f, %.5f lies outside %s (%s)", at.latitude(), at.longitude(), municipality.name(), ags));
        }
        Instant received = clock.instant();
        Instant seen = takenAt != null ? takenAt : received;
        SurveyedFrame frame;
        try {
            frame = survey.survey(in.bytes(), seen);
        } catch (UnreadableFrameException e) {
            return FileResult.refused(name, "file.unreadable", e.getMessage());
        }
        RoadNetwork network = networks.of(ags);
        Optional<Snapped> snapped = network.snap(at, settings.snapToleranceMetres());
        PgSurveyImages.NewImage image = new PgSurveyImages.NewImage(sha256, name, seen, received, at.latitude(),
                at.longitude(), in.heading(), frame.width(), frame.height(), frame.hiddenRegions(),
                frame.anonymisedJpeg(), frame.overlayJpeg());
        return recorder.record(ags, image, frame, at, snapped, network)
                .map(r -> new FileResult(name, "stored", null, snapped.isPresent() ? "stored"
                        : "stored; no road of the municipality within " + settings.snapToleranceMetres()
                        + " m, its detections are listed as unmatched", r.imageId(), r.detections(), r.unmatched(),
                        r.newItems(), r.seenAgain()))
                .orElseGet(() -> FileResult.duplicate(name));
    }

    private Optional<GeoPoint> position(IncomingImage in, ExifFacts exif, Track track, Instant takenAt) {
        if (in.latitude() != null && in.longitude() != null) {
            return Optional.of(new GeoPoint(in.latitude(), in.longitude()));
        }
        if (exif.position().isPresent()) {
            return exif.position();
        }
        if (track != null && takenAt != null) {
            return track.positionAt(takenAt, Duration.ofSeconds(settings.maxTrackGapSeconds()));
        }
        return Optional.empty();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
