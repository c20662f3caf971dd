package org.roadpulse.roadai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.images.Normalisation;
import org.roadpulse.roadai.support.TinyTraining;

/** Several networks in one model: their probabilities are averaged, and the model file keeps all of them. */
class EnsembleModelTest {
    @TempDir
    Path dir;
    private LoadedDataset data;
    private Dl4jDamageClassifier first;
    private Dl4jDamageClassifier second;

    @BeforeEach
    void twoUntrainedSeeds() throws IOException {
        data = TinyTraining.dataset(dir.resolve("data"), 4, 3);
        first = model(5, normalisation(0.5));
        second = model(6, normalisation(0.5));
    }

    @Test
    void anEnsembleGivesTheMeanOfItsNetworksProbabilities() {
        // GIVEN two networks with different weights
        float[][] a = first.probabilities(data.images());
        float[][] b = second.probabilities(data.images());
        assertThat(a).isNotEqualTo(b);
        // WHEN combined
        Dl4jDamageClassifier ensemble = Dl4jDamageClassifier.ensemble(List.of(first, second), "test");
        float[][] mean = ensemble.probabilities(data.images());
        // THEN every probability is the mean of the two, and each row still sums to 1
        for (int i = 0; i < mean.length; i++) {
            float rowSum = 0;
            for (int c = 0; c < mean[i].length; c++) {
                assertThat(mean[i][c]).isCloseTo((a[i][c] + b[i][c]) / 2, within(1e-6f));
                rowSum += mean[i][c];
            }
            assertThat(rowSum).isCloseTo(1f, within(1e-5f));
        }
        assertThat(ensemble.metadata().networkCount()).isEqualTo(2);
        assertThat(ensemble.decisionRule()).isEqualTo(DecisionRule.ARG_MAX);
    }

    @Test
    void anEnsembleSurvivesSaveAndLoadWithItsRule() throws IOException {
        // GIVEN a calibrated ensemble of two networks
        Dl4jDamageClassifier ensemble = Dl4jDamageClassifier.ensemble(List.of(first, second), "test");
        ensemble = ensemble.withMetadata(ensemble.metadata().withDecisionRule(DecisionRule.weighting("pothole", 3)));
        Path file = dir.resolve("ensemble.zip");
        // WHEN saved and loaded
        ModelFile.save(ensemble, file);
        Dl4jDamageClassifier loaded = ModelFile.load(file);
        // THEN both networks come back and give the same outputs under the same rule
        assertThat(loaded.networks()).hasSize(2);
        assertThat(loaded.metadata()).isEqualTo(ensemble.metadata());
        assertThat(loaded.probabilities(data.images())).isDeepEqualTo(ensemble.probabilities(data.images()));
        assertThat(loaded.decisionRule()).isEqualTo(DecisionRule.weighting("pothole", 3));
    }

    @Test
    void aSingleNetworkFileDoesNotMentionNetworksSoOlderCodeStillReadsIt() throws IOException {
        Path file = dir.resolve("single.zip");

        ModelFile.save(first, file);

        try (ZipFile zip = new ZipFile(file.toFile())) {
            String json = new String(zip.getInputStream(zip.getEntry(ModelFile.METADATA_ENTRY)).readAllBytes());
            assertThat(json).doesNotContain("networks");
            assertThat(zip.stream().map(ZipEntry::getName)).noneMatch(name -> name.startsWith("roadpulse-network-"));
        }
        assertThat(ModelFile.load(file).networks()).hasSize(1);
    }

    @Test
    void refusesAFileWhoseMetadataPromisesANetworkItLacks() throws IOException {
        // GIVEN a single-network file whose metadata was edited to claim two
        Path file = dir.resolve("short.zip");
        ModelFile.save(first, file);
        var json = new ObjectMapper().valueToTree(first.metadata());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("networks", 2);
        replaceMetadata(file, new ObjectMapper().writeValueAsBytes(json));
        // WHEN loaded THEN refused, naming the missing entry
        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("2 networks").hasMessageContaining("roadpulse-network-2.zip");
    }

    @Test
    void refusesToAverageModelsFedDifferently() throws IOException {
        // Models normalised with other statistics would need their own input tensors: not an ensemble of this kind.
        Dl4jDamageClassifier otherData = model(6, normalisation(0.4));

        assertThatThrownBy(() -> Dl4jDamageClassifier.ensemble(List.of(first, otherData), "test"))
                .isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("different input pipelines");
    }

    private Dl4jDamageClassifier model(long seed, Normalisation normalisation) {
        var network = Dl4jNetworkFactory.build(new CnnSpec(TinyTraining.SIZE, 3, new int[] {4, 8}, 0, 0, seed), 1e-3);
        return new Dl4jDamageClassifier(network, new ModelMetadata(1, data.classes(), TinyTraining.SIZE.width(),
                TinyTraining.SIZE.height(), 3, normalisation, "test", "synthetic", Map.of(), Instant.EPOCH.toString()));
    }

    private static Normalisation normalisation(double mean) {
        return new Normalisation(List.of(mean, mean, mean), List.of(0.25, 0.25, 0.25));
    }

    private void replaceMetadata(Path file, byte[] metadataJson) throws IOException {
        Path copy = dir.resolve("copy.zip");
        Files.move(file, copy);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(copy));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(ModelFile.METADATA_ENTRY)) {
                    out.write(metadataJson);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
