package org.roadpulse.agent.config;

import org.roadpulse.agent.camera.CameraVehicleSource;
import org.roadpulse.agent.camera.LaneZone;
import org.roadpulse.agent.camera.LineSpec;
import org.roadpulse.agent.camera.RegionOfInterest;
import org.roadpulse.agent.camera.SizeClassifier;
import org.roadpulse.agent.camera.VideoCounter;
import org.roadpulse.protocol.Direction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A camera unit's source: what to read and how the counting is set up.
 *
 * @param url             video file, {@code rtsp://}/{@code http://} stream, or {@code /dev/videoN}
 * @param format          FFmpeg input format ({@code v4l2} for a device); empty to let FFmpeg guess
 * @param line            the counting line, in fractions of the frame ({@code y=0.5}, {@code x=0.5},
 *                        {@code y=0.5:x=0.1-0.6}, {@code x1,y1-x2,y2}); its first direction is the site's forward
 * @param speedLine       optional second line for speeds, parallel to the first
 * @param speedLineMetres distance between the two lines on the road
 * @param pixelsPerMetre  calibration at the counting line (processed frame, ≤ 640 px wide); without it vehicles are
 *                        not classified by size
 * @param truckFromMetres vehicles this long or longer are truck-like (default 8, as length-measuring radars)
 * @param lanes           lanes as stretches of the line: {direction, lane, from, to}; default one lane each way
 * @param live            whether the url is a live camera (wall-clock frame times, reconnect whenever it drops) or a
 *                        recorded file (its own timeline, the source ends with it); default: live for URLs with a
 *                        scheme ({@code rtsp://}, {@code http://}, ...) and for {@code /dev/...}, a file otherwise
 * @param reconnectMinMs  first wait before reopening a camera that failed (default 1,000 ms); it doubles per failed
 *                        attempt, with jitter, up to {@code reconnectMaxMs} (default 60,000 ms)
 * @param readTimeoutMs   a network stream that delivers nothing for this long counts as dropped (default 10,000 ms)
 * @param recordedAt      for a recorded file: when recording began (RFC 3339, e.g. {@code 2026-11-22T08:00:00Z}); its
 *                        frames get their times from there, so its intervals are those of the recording. Default: the
 *                        agent's start, as if it were recorded from now on. Not for live cameras.
 * @param debugVideo      a local file to write the annotated frames to, for setting up and debugging; absent (the
 *                        default) writes nothing. Frames never leave the device either way.
 * @param region          where motion counts, corners in fractions of the frame ({@code 0,0.35 1,0.35 1,1 0,1});
 *                        default the whole frame
 * @param processingWidth frames are shrunk to this width before counting (default 640; sizes and
 *                        {@code pixelsPerMetre} refer to it)
 * @param maxFps          at most this many frames a second are counted, e.g. 12.5 for a 50 fps camera on a slow
 *                        unit (default: every frame)
 * @param referencePoints instead of {@code pixelsPerMetre}: two marks on the road at the line, in pixels of the
 *                        processed frame as {@code draw-setup} shows it ({@code 120,300-182,300}) ...
 * @param referenceMetres ... and their distance on the road in metres
 */
public record CameraSettings(String url, String format, String line, String speedLine, Double speedLineMetres,
                             Double pixelsPerMetre, Double truckFromMetres, List<Lane> lanes, Boolean live,
                             Integer reconnectMinMs, Integer reconnectMaxMs, Integer readTimeoutMs, String recordedAt,
                             Path debugVideo, String region, Integer processingWidth, Double maxFps,
                             String referencePoints, Double referenceMetres) {

    public record Lane(String direction, Integer lane, Double from, Double to) {
    }

    public CameraSettings {
        truckFromMetres = truckFromMetres == null ? 8.0 : truckFromMetres;
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
        live = live != null ? live : url != null && (url.contains("://") && !url.startsWith("file:")
                || url.startsWith("/dev/"));
        reconnectMinMs = reconnectMinMs == null ? 1000 : reconnectMinMs;
        reconnectMaxMs = reconnectMaxMs == null ? 60_000 : reconnectMaxMs;
        readTimeoutMs = readTimeoutMs == null ? 10_000 : readTimeoutMs;
        processingWidth = processingWidth == null ? VideoCounter.Settings.defaults().maxWidth() : processingWidth;
    }

    /** A counting set-up with the defaults for everything about the connection. */
    public CameraSettings(String url, String format, String line, String speedLine, Double speedLineMetres,
                          Double pixelsPerMetre, Double truckFromMetres, List<Lane> lanes) {
        this(url, format, line, speedLine, speedLineMetres, pixelsPerMetre, truckFromMetres, lanes, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    public CameraSettings withDebugVideo(Path file) {
        return new CameraSettings(url, format, line, speedLine, speedLineMetres, pixelsPerMetre, truckFromMetres, lanes,
                live, reconnectMinMs, reconnectMaxMs, readTimeoutMs, recordedAt, file, region, processingWidth, maxFps, referencePoints, referenceMetres);
    }

    public CameraSettings withMaxFps(Double fps) {
        return new CameraSettings(url, format, line, speedLine, speedLineMetres, pixelsPerMetre, truckFromMetres, lanes,
                live, reconnectMinMs, reconnectMaxMs, readTimeoutMs, recordedAt, debugVideo, region, processingWidth, fps, referencePoints, referenceMetres);
    }

    /** When a recorded file began, if the settings say; see {@code recordedAt}. */
    public Optional<Instant> recordingStart() {
        if (recordedAt == null || recordedAt.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(recordedAt).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("source.camera.recordedAt must be an RFC 3339 time such as "
                    + "2026-11-22T08:00:00Z, not '" + recordedAt + "'");
        }
    }

    /** The counting set-up; {@link IllegalArgumentException} naming the setting when one is wrong. */
    public CameraVehicleSource.Setup setup() {
        return new CameraVehicleSource.Setup(parse("source.camera.line", line),
                speedLine == null ? null : parse("source.camera.speedLine", speedLine), speedLineMetres, zones(),
                new SizeClassifier(calibration(), truckFromMetres),
                VideoCounter.Settings.defaults().withMaxWidth(processingWidth)
                        .withMaxFps(maxFps == null ? Double.POSITIVE_INFINITY : maxFps), regionOfInterest());
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (url == null || url.isBlank()) {
            problems.add("source.camera.url is needed: a video file, stream URL or /dev/videoN");
        }
        if (line == null) {
            problems.add("source.camera.line is needed, e.g. y=0.5");
            return problems;
        }
        if (reconnectMinMs <= 0 || reconnectMaxMs < reconnectMinMs) {
            problems.add("source.camera.reconnectMinMs must be positive and at most source.camera.reconnectMaxMs");
        }
        if (recordedAt != null && live) {
            problems.add("source.camera.recordedAt is for recorded files; a live camera's frames take the wall clock");
        }
        try {
            recordingStart();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (processingWidth < 160 || processingWidth > 1920) {
            problems.add("source.camera.processingWidth must lie between 160 and 1920 pixels, not " + processingWidth);
        }
        if (maxFps != null && !(maxFps >= 1)) {
            problems.add("source.camera.maxFps must be at least 1 frame a second, not " + maxFps);
        }
        if (readTimeoutMs <= 0) {
            problems.add("source.camera.readTimeoutMs must be positive");
        }
        if (debugVideo != null && debugVideo.toAbsolutePath().getParent() != null
                && !Files.isDirectory(debugVideo.toAbsolutePath().getParent())) {
            problems.add("source.camera.debugVideo: the folder of " + debugVideo + " does not exist");
        }
        try {
            setup();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** Pixels per metre: given, or measured between two reference marks; null when uncalibrated. */
    private Double calibration() {
        if (referencePoints == null && referenceMetres == null) {
            return pixelsPerMetre;
        }
        if (pixelsPerMetre != null) {
            throw new IllegalArgumentException("source.camera: give pixelsPerMetre or referencePoints with "
                    + "referenceMetres, not both");
        }
        if (referencePoints == null || referenceMetres == null || !(referenceMetres > 0)) {
            throw new IllegalArgumentException("source.camera.referencePoints needs referenceMetres (> 0), and back");
        }
        String[] ends = referencePoints.replace(" ", "").split("-");
        try {
            String[] a = ends[0].split(",");
            String[] b = ends[1].split(",");
            double ppm = SizeClassifier.calibrate(Double.parseDouble(a[0]), Double.parseDouble(a[1]),
                    Double.parseDouble(b[0]), Double.parseDouble(b[1]), referenceMetres);
            if (!(ppm > 0)) {
                throw new IllegalArgumentException("source.camera.referencePoints: the two marks are the same point");
            }
            return ppm;
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("source.camera.referencePoints must be two pixel points x1,y1-x2,y2, "
                    + "not '" + referencePoints + "'");
        }
    }

    private RegionOfInterest regionOfInterest() {
        try {
            return RegionOfInterest.parse(region);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source.camera.region: " + e.getMessage());
        }
    }

    private List<LaneZone> zones() {
        List<LaneZone> zones = new ArrayList<>();
        for (Lane lane : lanes) {
            Direction direction = Direction.fromWireName(String.valueOf(lane.direction())).orElseThrow(() ->
                    new IllegalArgumentException("source.camera.lanes: direction must be forward or backward, not '"
                            + lane.direction() + "'"));
            try {
                zones.add(new LaneZone(direction, lane.lane() == null ? 1 : lane.lane(),
                        lane.from() == null ? 0 : lane.from(), lane.to() == null ? 1 : lane.to()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("source.camera.lanes: " + e.getMessage());
            }
        }
        return zones;
    }

    private static LineSpec parse(String setting, String text) {
        try {
            return LineSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage());
        }
    }
}
