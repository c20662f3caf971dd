package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadpulse.roadai.evaluation.FrameEvaluation;
import org.roadpulse.roadai.evaluation.FrameEvaluationReport;
import org.roadpulse.roadai.evaluation.FrameTruth;
import org.roadpulse.roadai.evaluation.TileTruthRule;
import org.roadpulse.roadai.images.OpenCvImageReader;
import org.roadpulse.roadai.mapping.DamageMapper;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Mixin
    FrameInputs frames;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dl4jDamageClassifier classifier = options.loadModel();
        DamageMapper mapper = options.mapper(classifier);
        FrameEvaluation evaluation = new FrameEvaluation(classifier.classes(),
                new TileTruthRule(minPotholeShare, minCrackShare), minPotholePixels, minLaneShare);
        OpenCvImageReader reader = new OpenCvImageReader();
        long started = System.nanoTime();
        int skipped = frames.forEach(err, (file, frame) -> {
            Path crack = FrameInputs.mask(file, "CRACK");
            Path pothole = FrameInputs.mask(file, "POTHOLE");
            Path lane = minLaneShare > 0 ? FrameInputs.mask(file, "LANE") : null;
            FrameTruth truth = new FrameTruth(reader.readMask(crack), reader.readMask(pothole),
                    lane == null ? null : reader.readMask(lane));
            evaluation.add(mapper.map(frame), truth);
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        FrameEvaluationReport report = evaluation.report();
        out.printf(Locale.ROOT, "model %s, region %s, tiles %d px every %d px, tile in road from %.0f %% inside%n",
                options.model(), options.region, mapper.tiling().side(), mapper.tiling().stride(),
                100 * mapper.tiling().minInsideShare());
        out.println(options.describeDecision(mapper, classifier));
        out.print(report.toText());
        out.printf(Locale.ROOT, "%d frames in %.1f s%s%n", report.frames(), seconds,
                skipped > 0 ? "; skipped " + skipped + " frames (unreadable or without masks)" : "");
        return 0;
    }
}
