package org.roadpulse.agent.config;

import org.roadpulse.agent.camera.CameraVehicleSource;
import org.roadpulse.agent.camera.LaneZone;
import org.roadpulse.agent.camera.LineSpec;
import org.roadpulse.agent.camera.SizeClassifier;
import org.roadpulse.agent.camera.VideoCounter;
import org.roadpulse.protocol.Direction;

import java.util.ArrayList;
import java.util.List;

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
 */
public record CameraSettings(String url, String format, String line, String speedLine, Double speedLineMetres,
                             Double pixelsPerMetre, Double truckFromMetres, List<Lane> lanes) {

    public record Lane(String direction, Integer lane, Double from, Double to) {
    }

    public CameraSettings {
        truckFromMetres = truckFromMetres == null ? 8.0 : truckFromMetres;
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
    }

    /** The counting set-up; {@link IllegalArgumentException} naming the setting when one is wrong. */
    public CameraVehicleSource.Setup setup() {
        return new CameraVehicleSource.Setup(parse("source.camera.line", line),
                speedLine == null ? null : parse("source.camera.speedLine", speedLine), speedLineMetres, zones(),
                new SizeClassifier(pixelsPerMetre, truckFromMetres), VideoCounter.Settings.defaults());
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (url == null || url.isBlank()) {
            problems.add("source.camera.url is needed: a video file, stream URL or /dev/videoN");
        }
        if (line == null) {
            problems.add("source.camera.line is needed, e.g. y=0.5");
            return problems;
        }
        try {
            setup();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
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
