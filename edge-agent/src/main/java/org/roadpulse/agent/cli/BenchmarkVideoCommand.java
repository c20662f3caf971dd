package org.roadpulse.agent.cli;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.roadpulse.agent.camera.FfmpegFrames;
import org.roadpulse.agent.camera.LineSpec;
import org.roadpulse.agent.camera.VideoCounter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "benchmark-video", mixinStandardHelpOptions = true,
        description = "Measures the camera counter's speed on one core: frames/s of decoding alone (the baseline) "
                + "and of decoding + counting, medians of several runs, and the process's peak memory.")
final class BenchmarkVideoCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Video file")
    String video;

    @Option(names = "--line", defaultValue = "y=0.5", description = "Counting line (default ${DEFAULT-VALUE})")
    String line;

    @Option(names = "--runs", defaultValue = "5", description = "Runs of each (default ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() throws Exception {
        opencv_core.setNumThreads(1); // the target is per core; FFmpeg decodes on the calling thread
        List<Double> decode = new ArrayList<>();
        List<Double> count = new ArrayList<>();
        long frames = 0;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            frames = decodeOnly();
            decode.add(frames / ((System.nanoTime() - started) / 1e9));
            VideoCounter.Result result = new VideoCounter(VideoCounter.Settings.defaults())
                    .count(video, null, LineSpec.parse(line), frame -> { });
            count.add(result.frames() / result.seconds());
        }
        double baseline = median(decode);
        double counting = median(count);
        System.out.printf("%s, %d frames, %d runs, OpenCV on 1 thread%n", video, frames, runs);
        System.out.printf("decode only (baseline)   %6.0f frames/s  (median; runs %s)%n", baseline, rounded(decode));
        System.out.printf("decode + count           %6.0f frames/s  (median; runs %s)%n", counting, rounded(count));
        System.out.printf("counting adds %.2f ms per frame to decoding's %.2f ms; target >= 100 frames/s at 640x360%n",
                1000 / counting - 1000 / baseline, 1000 / baseline);
        System.out.printf("peak resident memory      %6d MB (VmHWM; target <= 300 MB for the agent)%n",
                peakResidentMegabytes());
        return 0;
    }

    private long decodeOnly() throws Exception {
        try (FfmpegFrames frames = new FfmpegFrames(video, null, VideoCounter.Settings.defaults().maxWidth())) {
            for (Mat frame = frames.next(); frame != null; frame = frames.next()) {
                // decoding, grey conversion and shrinking: what every counter must pay
            }
            return frames.index() + 1;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    /** The kernel's high-water mark of resident memory (Linux); -1 elsewhere. */
    private static long peakResidentMegabytes() {
        try {
            for (String row : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (row.startsWith("VmHWM:")) {
                    return Long.parseLong(row.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
