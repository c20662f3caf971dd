package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.images.UnreadableImageException;
import org.roadpulse.roadai.mapping.DamageMapper;
import org.roadpulse.roadai.mapping.OpenCvFrame;
import org.roadpulse.roadai.mapping.Tile;
import org.roadpulse.roadai.mapping.Tiling;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Times the whole path per frame (decode, tile, classify, crack shapes, areas) and, in the same run on the same
 * machine, the bare classifier on the same number of already cut tiles: the difference is what mapping costs on top.
 */
@Command(name = "benchmark-frames", mixinStandardHelpOptions = true,
        description = "Milliseconds per frame (median over runs) for reading and mapping whole frames, next to the bare "
                + "classifier's time for the same number of tiles.")
final class BenchmarkFramesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MappingOptions options;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs over the frames (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warm-up", defaultValue = "2", description = "Unmeasured runs first (default ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--frames", defaultValue = "10", description = "At most this many frames (default ${DEFAULT-VALUE}).")
    int maxFrames;

    @Option(names = "--compare-tta", paramLabel = "LIST",
            description = "Also measure the model with this test-time augmentation (e.g. hflip,vflip,hvflip), run for "
                    + "run alternating with the model as loaded, so both see the same machine load.")
    String compareTestTime;

    @Parameters(arity = "1..*", description = "Frame files or folders.")
    List<Path> inputs;

    /** One model set-up under measurement, with what its runs took. */
    private static final class Variant {
        final Dl4jDamageClassifier classifier;
        final DamageMapper mapper;
        final List<Double> decodeMs = new ArrayList<>();
        final List<Double> mapMs = new ArrayList<>();
        final List<Double> wholeMs = new ArrayList<>();
        long tiles;
        long cpuNanos;

        Variant(Dl4jDamageClassifier classifier, DamageMapper mapper) {
            this.classifier = classifier;
            this.mapper = mapper;
        }
    }

    @Override
    public Integer call() throws IOException, UnreadableImageException {
        PrintWriter out = spec.commandLine().getOut();
        Dl4jDamageClassifier loaded = options.loadModel();
        List<Variant> variants = new ArrayList<>(List.of(new Variant(loaded, options.mapper(loaded))));
        if (compareTestTime != null) {
            Dl4jDamageClassifier other = TestTimeOption.apply(loaded, compareTestTime);
            variants.add(new Variant(other, options.mapper(other)));
        }
        List<Path> frames = FrameFiles.list(inputs);
        frames = frames.subList(0, Math.min(maxFrames, frames.size()));
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames in " + inputs);
        }
        for (int run = 0; run < warmUp + runs; run++) {
            for (Variant variant : variants) {
                measureOneRun(variant, frames, run >= warmUp);
            }
        }
        Tiling tiling = variants.get(0).mapper.tiling();
        out.printf(Locale.ROOT, "model %s (input %s), tiles %d px every %d px, batch %d, %d frames x %d runs (+%d warm-up)%n",
                options.model(), loaded.inputSize(), tiling.side(), tiling.stride(), options.batch, frames.size(), runs,
                warmUp);
        for (Variant variant : variants) {
            report(out, variant, frames.get(0));
        }
        return 0;
    }

    private void measureOneRun(Variant variant, List<Path> frames, boolean counted)
            throws IOException, UnreadableImageException {
        long cpuBefore = processCpuNanos();
        for (Path file : frames) {
            long t0 = System.nanoTime();
            try (OpenCvFrame frame = OpenCvFrame.read(file)) {
                long t1 = System.nanoTime();
                int laid = variant.mapper.map(frame).tiles().size();
                long t2 = System.nanoTime();
                if (counted) {
                    variant.decodeMs.add((t1 - t0) / 1e6);
                    variant.mapMs.add((t2 - t1) / 1e6);
                    variant.wholeMs.add((t2 - t0) / 1e6);
                    variant.tiles += laid;
                }
            }
        }
        if (counted) {
            variant.cpuNanos += processCpuNanos() - cpuBefore;
        }
    }

    private void report(PrintWriter out, Variant variant, Path firstFrame) throws IOException, UnreadableImageException {
        List<Double> mapMs = variant.mapMs;
        double cpuMsPerFrame = variant.cpuNanos / 1e6 / mapMs.size();
        double tilesPerFrame = (double) variant.tiles / mapMs.size();
        double classifierMs = bareClassifierMsPerFrame(variant.classifier, variant.mapper, firstFrame,
                (int) Math.round(tilesPerFrame));
        out.printf(Locale.ROOT, "%s%n", TestTimeOption.describe(variant.classifier));
        out.printf(Locale.ROOT, "tiles per frame       %8.1f%n", tilesPerFrame);
        out.printf(Locale.ROOT, "read (decode) ms      %8.1f  median per frame%n", median(variant.decodeMs));
        out.printf(Locale.ROOT, "map ms                %8.1f  median per frame (%.0f tiles/s)%n", median(mapMs),
                tilesPerFrame * 1000 / median(mapMs));
        out.printf(Locale.ROOT, "read + map ms         %8.1f  median per frame (p90 %.1f)%n", median(variant.wholeMs),
                percentile(variant.wholeMs, 0.9));
        out.printf(Locale.ROOT, "CPU ms (all threads)  %8.1f  mean per frame, read + map (wall time under contention "
                + "overstates; CPU time / 2 is the floor on 2 free cores)%n", cpuMsPerFrame);
        out.printf(Locale.ROOT, "baseline: classifier  %8.1f  ms for %d cut tiles (%.0f tiles/s)%n", classifierMs,
                Math.round(tilesPerFrame), Math.round(tilesPerFrame) * 1000 / classifierMs);
    }

    /** Median time of the bare classifier over the same number of tiles, cut and resized beforehand. */
    private double bareClassifierMsPerFrame(Dl4jDamageClassifier classifier, DamageMapper mapper, Path file, int count)
            throws IOException, UnreadableImageException {
        List<PatchPixels> patches = new ArrayList<>();
        try (OpenCvFrame frame = OpenCvFrame.read(file)) {
            List<Tile> laid = mapper.tilesFor(frame.size());
            for (int i = 0; i < count && !laid.isEmpty(); i++) {
                patches.add(frame.cut(laid.get(i % laid.size()), classifier.inputSize()));
            }
        }
        if (patches.isEmpty()) {
            return Double.NaN;
        }
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < warmUp + runs * 3; run++) {
            long t0 = System.nanoTime();
            for (int start = 0; start < patches.size(); start += options.batch) {
                classifier.probabilities(patches.subList(start, Math.min(patches.size(), start + options.batch)));
            }
            if (run >= warmUp) {
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return median(times);
    }

    /** CPU time of the whole process (all threads, including the native inference threads); -1 if unknown. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
