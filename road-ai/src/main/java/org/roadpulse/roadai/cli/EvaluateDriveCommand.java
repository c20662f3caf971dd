package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadpulse.roadai.images.BinaryMask;
import org.roadpulse.roadai.images.OpenCvImageReader;
import org.roadpulse.roadai.maintenance.GradingRules;
import org.roadpulse.roadai.maintenance.PriorityRules;
import org.roadpulse.roadai.maintenance.PriorityTerm;
import org.roadpulse.roadai.maintenance.PriorityWeights;
import org.roadpulse.roadai.mapping.DamageMapper;
import org.roadpulse.roadai.roads.RoadClass;
import org.roadpulse.roadai.survey.DriveEvaluation;
import org.roadpulse.roadai.survey.FrameFindings;
import org.roadpulse.roadai.survey.SurveyGeometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate-drive", mixinStandardHelpOptions = true,
        description = "Treat frames with masks as one drive along a generated road, turn them into a ranked "
                + "maintenance list and score it: item-level pothole recall and precision@10 against the masks.")
final class EvaluateDriveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MappingOptions options;

    @Option(names = "--road-class", defaultValue = "state",
            description = "Class of the generated road (default ${DEFAULT-VALUE}).")
    String roadClass;

    @Option(names = "--min-pothole-pixels", defaultValue = "100",
            description = "A frame truly shows a pothole from a mask component this large (default ${DEFAULT-VALUE}).")
    int minPotholePixels;

    @Option(names = "--min-crack-pixels", defaultValue = "500",
            description = "A frame truly shows cracks from this many crack mask pixels (default ${DEFAULT-VALUE}).")
    int minCrackPixels;

    @Option(names = "--show", defaultValue = "10", description = "Items of the list to print (default ${DEFAULT-VALUE}).")
    int show;

    @Mixin
    FrameInputs frames;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RoadClass road = RoadClass.parse(roadClass).orElse(null);
        if (road == null) {
            err.println("unknown --road-class '" + roadClass + "'");
            return 2;
        }
        DamageMapper mapper = options.mapper(options.loadModel());
        OpenCvImageReader reader = new OpenCvImageReader();
        Instant now = Clock.systemUTC().instant();
        List<DriveEvaluation.SurveyedFrame> surveyed = new ArrayList<>();
        frames.forEach(err, (file, frame) -> {
            BinaryMask potholes = reader.readMask(FrameInputs.mask(file, "POTHOLE"));
            boolean truePothole = potholes.components().stream().anyMatch(c -> c.length >= minPotholePixels);
            boolean trueCrack = reader.readMask(FrameInputs.mask(file, "CRACK")).count() >= minCrackPixels;
            surveyed.add(new DriveEvaluation.SurveyedFrame(FrameFiles.name(file),
                    FrameFindings.of(mapper.map(frame), SurveyGeometry.typicalRoofCamera(), now),
                    truePothole, trueCrack));
        });
        DriveEvaluation.Result result = DriveEvaluation.evaluate(surveyed, GradingRules.defaults(),
                new PriorityRules(PriorityWeights.defaults()), road, now);
        print(out, result, surveyed.size());
        return 0;
    }

    private void print(PrintWriter out, DriveEvaluation.Result result, int frameCount) {
        out.printf(Locale.ROOT, "%d items from %d frames on a generated %s%n", result.list().size(), frameCount,
                roadClass);
        for (DriveEvaluation.RankedItem item : result.list().subList(0, Math.min(show, result.list().size()))) {
            out.printf(Locale.ROOT, "%3d. %-7s grade %s score %5.1f %s  %s%n", item.rank(),
                    item.pothole() ? "pothole" : "crack", item.grade(), item.priority().score(),
                    item.correct() ? "✓" : "✗", item.frame());
            for (PriorityTerm term : item.priority().terms()) {
                out.printf(Locale.ROOT, "       %-9s %5.1f  %s%n", term.term(), term.points(), term.basis());
            }
        }
        out.printf(Locale.ROOT, "item-level pothole recall %.2f (%d of %d frames with a pothole); precision@10 %.2f%n",
                result.potholeRecall(), result.potholeFramesFound(), result.potholeFrames(), result.precisionAt10());
    }
}
