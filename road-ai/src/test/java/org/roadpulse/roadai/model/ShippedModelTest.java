package org.roadpulse.roadai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.dataset.DatasetIndex;
import org.roadpulse.roadai.dataset.DatasetLoader;
import org.roadpulse.roadai.dataset.LabelledFile;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.dataset.SplitFile;
import org.roadpulse.roadai.evaluation.EvaluationReport;
import org.roadpulse.roadai.evaluation.Evaluator;
import org.roadpulse.roadai.support.SharedData;

/** The model shipped in the repository loads, carries its rule and attribution, and sees damage on the val road. */
class ShippedModelTest {
    static final Path SHIPPED = Path.of("models/road-damage.zip");
    private static final int PER_CLASS = 40;

    @Test
    void loadsWithItsDecisionRuleAndItsDataAttribution() throws IOException {
        assumeTrue(Files.isRegularFile(SHIPPED), "no shipped model at " + SHIPPED.toAbsolutePath());

        Dl4jDamageClassifier model = ModelFile.load(SHIPPED);

        assertThat(model.classes()).containsExactly("crack", "no_damage", "pothole");
        assertThat(model.decisionRule().weightOf("pothole")).isGreaterThanOrEqualTo(1.0);
        assertThat(model.metadata().dataDescription()).contains("CC BY 4.0").contains("Passos");
        assertThat(Files.size(SHIPPED)).isLessThan(20L * 1024 * 1024);
    }

    @Test
    void classifiesPatchesOfTheValidationRoadMostlyRight() throws IOException {
        assumeTrue(Files.isRegularFile(SHIPPED), "no shipped model at " + SHIPPED.toAbsolutePath());
        Optional<Path> data = SharedData.roadDamage();
        assumeTrue(data.isPresent(), "shared road-damage data not found (../shared/data or ROADPULSE_DATA)");
        // GIVEN the first 40 patches of each class of the val road (never trained on)
        Dl4jDamageClassifier model = ModelFile.load(SHIPPED);
        DatasetIndex val = SplitFile.read(data.get().resolve("splits/val.txt"));
        List<LabelledFile> sample = new ArrayList<>();
        for (String className : val.classes()) {
            val.files().stream().filter(f -> f.label().equals(className)).limit(PER_CLASS).forEach(sample::add);
        }
        LoadedDataset patches = new DatasetLoader().load(new DatasetIndex("val sample", val.classes(), sample),
                model.classes(), model.inputSize());
        // WHEN classified with the model's own rule
        EvaluationReport report = Evaluator.evaluate(model, patches, 64);
        // THEN well above chance (1/3) for every class; the full val figures are in the model card
        assertThat(report.macroF1()).isGreaterThan(0.6);
        assertThat(report.metricsOf("pothole").recall()).isGreaterThan(0.6);
        assertThat(report.metricsOf("crack").recall()).isGreaterThan(0.4);
    }
}
