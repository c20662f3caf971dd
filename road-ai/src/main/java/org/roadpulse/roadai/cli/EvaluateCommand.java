package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roadpulse.roadai.dataset.DatasetLoader;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.dataset.SplitFile;
import org.roadpulse.roadai.evaluation.EvaluationReport;
import org.roadpulse.roadai.evaluation.Evaluator;
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

    @Option(names = "--model", required = true, description = "Model file (.zip) written by train.")
    Path modelFile;

    @Option(names = "--data", required = true, description = "Folder of class folders, or a split file (*.txt).")
    Path dataSource;

    @Option(names = "--confusion-png", description = "Also draw the confusion matrix into this PNG file.")
    Path confusionPng;

    @Option(names = "--batch", defaultValue = "64", description = "Patches per inference batch.")
    int batch;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Dl4jDamageClassifier classifier = ModelFile.load(modelFile);
        LoadedDataset data = new DatasetLoader().load(SplitFile.readAny(dataSource), classifier.classes(),
                classifier.inputSize());
        out.println(DataOptions.describe(dataSource, data));
        long started = System.nanoTime();
        EvaluationReport report = Evaluator.evaluate(classifier, data, batch);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(report.toText());
        out.printf(java.util.Locale.ROOT, "inference: %d patches in %.1f s (%.0f patches/s)%n", data.size(), seconds,
                data.size() / seconds);
        if (confusionPng != null) {
            ConfusionMatrixChart.write(report.matrix(), modelFile.getFileName() + " on " + dataSource.getFileName(),
                    confusionPng);
        }
        return 0;
    }
}
