package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import org.roadpulse.roadai.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Combine models trained on the same data (e.g. with different seeds) into one model file that "
                + "averages their probabilities. It decides by arg-max until given a rule with calibrate.")
final class EnsembleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A model file to include; give it twice or more.")
    List<Path> modelFiles;

    @Option(names = "--out", required = true, description = "Where to write the combined model file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (modelFiles.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two --model files");
        }
        List<Dl4jDamageClassifier> models = new ArrayList<>();
        for (Path file : modelFiles) {
            models.add(ModelFile.load(file));
        }
        String names = modelFiles.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
        Dl4jDamageClassifier ensemble = Dl4jDamageClassifier.ensemble(models, "mean of " + names);
        ModelFile.save(ensemble, out);
        spec.commandLine().getOut().println("saved " + ensemble.networks().size() + " networks (" + names + ") to " + out
                + "; decides by arg-max until calibrated");
        return 0;
    }
}
