package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadpulse.roadai.dataset.DatasetLoader;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.dataset.SplitFile;
import org.roadpulse.roadai.evaluation.EvaluationReport;
import org.roadpulse.roadai.evaluation.Evaluator;
import org.roadpulse.roadai.model.DecisionRule;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import org.roadpulse.roadai.model.ModelFile;
import org.roadpulse.roadai.report.ConfusionMatrixChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Per-class precision/recall/F1, macro-F1 and confusion matrix on labelled data.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "Model file (.zip) written by train; default the shipped road-ai/models/road-damage.zip.")
    Path modelFile;

    @Option(names = "--data", required = true, description = "Folder of class folders, or a split file (*.txt).")
    Path dataSource;

    @Option(names = "--confusion-png", description = "Also draw the confusion matrix into this PNG file.")
    Path confusionPng;

    @Option(names = "--batch", defaultValue = "64", description = "Patches per inference batch.")
    int batch;

    @Option(names = "--tta", paramLabel = "LIST", description = TestTimeOption.DESCRIPTION)
    String testTime;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Dl4jDamageClassifier classifier = TestTimeOption.apply(ModelFile.load(ModelChoice.resolve(modelFile)), testTime);
        LoadedDataset data = new DatasetLoader().load(SplitFile.readAny(dataSource), classifier.classes(),
                classifier.inputSize());
        out.println(DataOptions.describe(dataSource, data));
        long started = System.nanoTime();
        float[][] probabilities = Evaluator.probabilities(classifier, data, batch);
        double seconds = (System.nanoTime() - started) / 1e9;
        EvaluationReport report = Evaluator.report(data, probabilities, classifier.decisionRule());
        out.println("decision: " + classifier.decisionRule() + "; " + TestTimeOption.describe(classifier));
        out.println(report.toText());
        if (!classifier.decisionRule().equals(DecisionRule.ARG_MAX)) {
            EvaluationReport argMax = Evaluator.report(data, probabilities, DecisionRule.ARG_MAX);
            out.printf(Locale.ROOT, "with plain arg-max instead: macro-F1 %.3f, accuracy %.3f, recall %s%n%n",
                    argMax.macroF1(), argMax.accuracy(), argMax.perClass().stream()
                            .map(m -> String.format(Locale.ROOT, "%s %.3f", m.className(), m.recall())).toList());
        }
        out.printf(Locale.ROOT, "inference: %d patches in %.1f s (%.0f patches/s)%n", data.size(), seconds,
                data.size() / seconds);
        if (confusionPng != null) {
            ConfusionMatrixChart.write(report.matrix(), ModelChoice.resolve(modelFile).getFileName() + " on " + dataSource.getFileName(),
                    confusionPng);
        }
        return 0;
    }
}
