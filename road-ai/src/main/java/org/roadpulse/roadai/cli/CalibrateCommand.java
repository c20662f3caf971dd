package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadpulse.roadai.dataset.DatasetLoader;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.dataset.SplitFile;
import org.roadpulse.roadai.evaluation.DecisionRuleSearch;
import org.roadpulse.roadai.evaluation.EvaluationReport;
import org.roadpulse.roadai.evaluation.Evaluator;
import org.roadpulse.roadai.model.DecisionRule;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import org.roadpulse.roadai.model.ModelFile;
import org.roadpulse.roadai.model.ModelMetadata;
import org.roadpulse.roadai.model.TestTimeAugmentation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Pick the model's decision rule (a weight on one class's probability) on labelled data and store "
                + "it in the model file: the best macro-F1 among the weights that reach --min-recall for the class. "
                + "Use data kept out of the figures you report: the data it is picked on scores optimistically.")
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model file (.zip) to calibrate.")
    Path modelFile;

    @Option(names = "--data", required = true, description = "Held-out labelled data: folder of class folders or split file.")
    Path dataSource;

    @Option(names = "--favour", defaultValue = "pothole", description = "The class to weigh (default ${DEFAULT-VALUE}).")
    String favoured;

    @Option(names = "--min-recall", defaultValue = "0.9",
            description = "Recall of the favoured class to reach (default ${DEFAULT-VALUE}).")
    double minRecall;

    @Option(names = "--tta", paramLabel = "LIST",
            description = "Test-time augmentation to calibrate with and store in the model (default: as the model has it): "
                    + "views averaged with each patch, comma-separated from hflip, vflip, hvflip, brighter, darker; "
                    + "'none' to remove it.")
    String testTime;

    @Option(names = "--weight",
            description = "Store this weight instead of the one picked here, e.g. one picked for a sibling model on "
                    + "data this model was trained on (the table is still printed).")
    Double weight;

    @Option(names = "--data-note", defaultValue = "",
            description = "Added to the model's data description, as train's --data-note: source and licence of the "
                    + "images (attribution), for a model trained without it.")
    String dataNote;

    @Option(names = "--out", description = "Write the calibrated model here (default: overwrite --model).")
    Path out;

    @Option(names = "--batch", defaultValue = "64", description = "Patches per inference batch.")
    int batch;

    @Override
    public Integer call() throws IOException {
        PrintWriter print = spec.commandLine().getOut();
        Dl4jDamageClassifier classifier = TestTimeOption.apply(ModelFile.load(modelFile), testTime);
        ModelMetadata metadata = classifier.metadata();
        LoadedDataset data = new DatasetLoader().load(SplitFile.readAny(dataSource), classifier.classes(),
                classifier.inputSize());
        print.println(DataOptions.describe(dataSource, data) + "; " + TestTimeOption.describe(classifier));

        float[][] probabilities = Evaluator.probabilities(classifier, data, batch);
        DecisionRuleSearch.Result result = DecisionRuleSearch.pick(data.classes(), data.labels(), probabilities,
                favoured, minRecall);
        print.printf(Locale.ROOT, "%8s %10s %12s%n", "weight", "macro-F1", favoured + " recall");
        for (DecisionRuleSearch.Candidate c : result.tried()) {
            print.printf(Locale.ROOT, "%8.2f %10.3f %12.3f%s%n", c.weight(), c.report().macroF1(), c.favouredRecall(),
                    c == result.picked() ? "  <- picked" : "");
        }
        if (!result.recallReached()) {
            print.printf(Locale.ROOT, "no weight reaches %s recall %.2f without losing more than 0.05 macro-F1: "
                    + "picked the highest recall within that%n", favoured, minRecall);
        }
        DecisionRuleSearch.Candidate picked = weight == null ? result.picked() : given(data, probabilities);
        String note = String.format(Locale.ROOT, "; decision rule %s with test-time augmentation %s %s on %s (%d patches): "
                + "macro-F1 %.3f, %s recall %.3f", picked.rule(), TestTimeAugmentation.describe(metadata.augmentations()),
                weight == null ? "picked" : "given, scoring", dataSource, data.size(),
                picked.report().macroF1(), favoured, picked.favouredRecall());
        ModelMetadata calibrated = metadata
                .withDataDescription(metadata.dataDescription() + DataOptions.attribution(dataNote) + note)
                .withDecisionRule(picked.rule());
        Path target = out == null ? modelFile : out;
        ModelFile.save(classifier.withMetadata(calibrated), target);
        print.println(picked.report().toText());
        print.println("saved with " + picked.rule() + " and " + TestTimeOption.describe(classifier) + " to " + target);
        return 0;
    }

    private DecisionRuleSearch.Candidate given(LoadedDataset data, float[][] probabilities) {
        DecisionRule rule = weight == 1 ? DecisionRule.ARG_MAX : DecisionRule.weighting(favoured, weight);
        EvaluationReport report = Evaluator.report(data, probabilities, rule);
        return new DecisionRuleSearch.Candidate(rule, weight, report, report.metricsOf(favoured).recall());
    }
}
