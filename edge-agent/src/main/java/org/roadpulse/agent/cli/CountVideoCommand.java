package org.roadpulse.agent.cli;

import org.roadpulse.agent.camera.LineCrossing;
import org.roadpulse.agent.camera.LineSpec;
import org.roadpulse.agent.camera.RegionOfInterest;
import org.roadpulse.agent.camera.VideoCounter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "count-video", mixinStandardHelpOptions = true,
        description = "Counts the vehicles crossing a line in a video file or stream and prints the count per "
                + "direction (beside the truth, when given). No frame is stored.")
final class CountVideoCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Video file, rtsp:// or http:// stream, or /dev/videoN (with --format v4l2)")
    String source;

    @Option(names = "--format", description = "FFmpeg input format, e.g. v4l2 (default: guessed)")
    String format;

    @Option(names = "--line", required = true,
            description = "Counting line in fractions of the frame: y=0.5, x=0.5, y=0.5:x=0.1-0.6 or x1,y1-x2,y2")
    String line;

    @Option(names = "--region", description = "Where motion counts, corners in fractions of the frame, e.g. "
            + "\"0,0.35 1,0.35 1,1 0,1\" (default: the whole frame)")
    String region;

    @Option(names = "--max-fps", description = "Count at most this many frames a second (default: every frame)")
    Double maxFps;

    @Option(names = "--truth", split = ",", description = "Hand counts per direction, e.g. down=27,up=0")
    Map<String, Integer> truth;

    @Option(names = "--crossings", description = "List every crossing (frame, direction, track)")
    boolean listCrossings;

    @Override
    public Integer call() throws Exception {
        LineSpec spec;
        RegionOfInterest roi;
        try {
            spec = LineSpec.parse(line);
        } catch (IllegalArgumentException e) {
            System.err.println("--line: " + e.getMessage());
            return 2;
        }
        try {
            roi = RegionOfInterest.parse(region);
        } catch (IllegalArgumentException e) {
            System.err.println("--region: " + e.getMessage());
            return 2;
        }
        if (maxFps != null && !(maxFps >= 1)) {
            System.err.println("--max-fps: at least 1 frame a second, not " + maxFps);
            return 2;
        }
        VideoCounter.Settings settings = VideoCounter.Settings.defaults()
                .withMaxFps(maxFps == null ? Double.POSITIVE_INFINITY : maxFps);
        VideoCounter.Result result = new VideoCounter(settings, roi).count(source, format, spec, frame -> { });
        if (listCrossings) {
            for (LineCrossing crossing : result.crossings()) {
                System.out.printf("frame %5d  %-12s track %-4d x %4.0f-%-4.0f y %4.0f-%-4.0f seen %d frames%n",
                        crossing.frame(), crossing.direction(), crossing.vehicle().id(), crossing.at().x(),
                        crossing.at().x() + crossing.at().width(), crossing.at().y(),
                        crossing.at().y() + crossing.at().height(),
                        crossing.vehicle().framesSeen());
            }
        }
        result.counts().forEach((direction, count) -> System.out.printf("%-12s counted %3d%s%n", direction, count,
                truth == null || !truth.containsKey(direction) ? ""
                        : String.format("   truth %3d   error %+d", truth.get(direction), count - truth.get(direction))));
        System.out.printf("%d frames in %.2f s (%.0f frames/s)%n", result.frames(), result.seconds(),
                result.frames() / result.seconds());
        return 0;
    }
}
