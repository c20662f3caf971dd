package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.roadpulse.roadai.evaluation.FrameEvaluation;
import org.roadpulse.roadai.evaluation.FrameEvaluationReport;
import org.roadpulse.roadai.evaluation.FrameTruth;
import org.roadpulse.roadai.evaluation.TileTruthRule;
import org.roadpulse.roadai.images.OpenCvImageReader;
import org.roadpulse.roadai.images.UnreadableImageException;
import org.roadpulse.roadai.mapping.DamageMapper;
import org.roadpulse.roadai.mapping.OpenCvFrame;
import org.roadpulse.roadai.mapping.RegionOutsideFrameException;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate-frames", mixinStandardHelpOptions = true,
        description = "Map frames that have masks beside them (<name>_RAW.jpg with <name>_CRACK.png and "
                + "<name>_POTHOLE.png) and score the maps: tile precision/recall per class, pothole recall per frame.")
final class EvaluateFramesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MappingOptions options;

    @Option(names = "--min-pothole-share", defaultValue = "0.01",
            description = "A tile is truly pothole from this share of pothole pixels (default ${DEFAULT-VALUE}).")
    double minPotholeShare;

    @Option(names = "--min-crack-share", defaultValue = "0.01",
            description = "A tile is truly crack from this share of crack pixels (default ${DEFAULT-VALUE}).")
    double minCrackShare;

    @Option(names = "--min-pothole-pixels", defaultValue = "100",
            description = "Smaller pothole mask components are ignored (default ${DEFAULT-VALUE}).")
    int minPotholePixels;

    @Option(names = "--min-lane-share", defaultValue = "0",
            description = "Score only tiles with at least this share of <name>_LANE.png pixels (default ${DEFAULT-VALUE}: all tiles).")
    double minLaneShare;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Parameters(arity = "1..*", description = "Folders (searched recursively) or frame files.")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dl4jDamageClassifier classifier = options.loadModel();
        DamageMapper mapper = options.mapper(classifier);
        FrameEvaluation evaluation = new FrameEvaluation(classifier.classes(),
                new TileTruthRule(minPotholeShare, minCrackShare), minPotholePixels, minLaneShare);
        OpenCvImageReader reader = new OpenCvImageReader();
        List<Path> frames = FrameFiles.list(inputs);
        ProgressBar progress = new ProgressBar(System.err, System::nanoTime, 1);
        int skipped = 0;
        long started = System.nanoTime();
        for (int i = 0; i < frames.size(); i++) {
            Path file = frames.get(i);
            Optional<Path> crack = FrameFiles.mask(file, "CRACK");
            Optional<Path> pothole = FrameFiles.mask(file, "POTHOLE");
            Optional<Path> lane = FrameFiles.mask(file, "LANE");
            if (crack.isEmpty() || pothole.isEmpty() || (minLaneShare > 0 && lane.isEmpty())) {
                err.println("skipping " + file + ": no " + FrameFiles.name(file) + "_CRACK.png / _POTHOLE.png" + (minLaneShare > 0 ? " / _LANE.png" : "") + " beside it");
                skipped++;
                continue;
            }
            try (OpenCvFrame frame = OpenCvFrame.read(file)) {
                FrameTruth truth = new FrameTruth(reader.readMask(crack.get()), reader.readMask(pothole.get()),
                        minLaneShare > 0 ? reader.readMask(lane.get()) : null);
                evaluation.add(mapper.map(frame), truth);
            } catch (UnreadableImageException | RegionOutsideFrameException e) {
                err.println("skipping " + file + ": " + e.getMessage());
                skipped++;
            }
            if (!noProgress) {
                progress.updateItems("frames", i + 1, frames.size());
            }
        }
        if (!noProgress) {
            progress.finishLine();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        FrameEvaluationReport report = evaluation.report();
        out.printf(Locale.ROOT, "model %s, region %s, tiles %d px every %d px, tile in road from %.0f %% inside%n",
                options.model(), options.region, mapper.tiling().side(), mapper.tiling().stride(),
                100 * mapper.tiling().minInsideShare());
        out.print(report.toText());
        out.printf(Locale.ROOT, "%d frames in %.1f s%s%n", report.frames(), seconds,
                skipped > 0 ? "; skipped " + skipped + " frames (unreadable or without masks)" : "");
        return 0;
    }
}
