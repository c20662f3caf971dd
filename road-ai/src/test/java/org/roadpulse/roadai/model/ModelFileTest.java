package org.roadpulse.roadai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.roadai.dataset.LoadedDataset;
import org.roadpulse.roadai.images.Normalisation;
import org.roadpulse.roadai.support.TinyTraining;

class ModelFileTest {
    @TempDir
    Path dir;
    private Dl4jDamageClassifier classifier;
    private LoadedDataset data;

    @BeforeEach
    void untrainedClassifier() throws IOException {
        data = TinyTraining.dataset(dir.resolve("data"), 4, 3);
        MultiLayerNetwork network = Dl4jNetworkFactory.build(
                new CnnSpec(TinyTraining.SIZE, 3, new int[] {4, 8}, 0, 0, 5), 1e-3);
        classifier = new Dl4jDamageClassifier(network, metadata(1, data.classes()));
    }

    @Test
    void saveThenLoadGivesIdenticalOutputs() throws IOException {
        Path file = dir.resolve("model.zip");

        ModelFile.save(classifier, file);
        Dl4jDamageClassifier loaded = ModelFile.load(file);

        assertThat(loaded.metadata()).isEqualTo(classifier.metadata());
        float[][] before = classifier.probabilities(data.images());
        float[][] after = loaded.probabilities(data.images());
        assertThat(after).isDeepEqualTo(before);
    }

    @Test
    void theDecisionRuleAndTheTestTimeAugmentationTravelWithTheModelFile() throws IOException {
        // GIVEN a model that weighs pothole x2 and averages over three flipped copies of each patch
        Path file = dir.resolve("calibrated.zip");
        Dl4jDamageClassifier calibrated = classifier.withMetadata(classifier.metadata()
                .withDecisionRule(DecisionRule.weighting("pothole", 2))
                .withAugmentations(List.of(TestTimeAugmentation.HFLIP, TestTimeAugmentation.VFLIP,
                        TestTimeAugmentation.HVFLIP)));
        // WHEN saved and loaded
        ModelFile.save(calibrated, file);
        Dl4jDamageClassifier loaded = ModelFile.load(file);
        // THEN it decides as saved: 0.3 x 2 beats crack's 0.5, on the same views
        assertThat(loaded.metadata()).isEqualTo(calibrated.metadata());
        assertThat(loaded.decisionRule()).isEqualTo(DecisionRule.weighting("pothole", 2));
        assertThat(loaded.classes().get(loaded.decide(new float[] {0.5f, 0.2f, 0.3f}))).isEqualTo("pothole");
        assertThat(loaded.metadata().augmentations()).containsExactly(TestTimeAugmentation.HFLIP,
                TestTimeAugmentation.VFLIP, TestTimeAugmentation.HVFLIP);
        assertThat(loaded.probabilities(data.images())).isDeepEqualTo(calibrated.probabilities(data.images()));
    }

    @Test
    void theAugmentationsAreStoredByNameBesideTheDecisionRule() throws IOException {
        Path file = dir.resolve("named.zip");
        ModelFile.save(classifier.withMetadata(classifier.metadata()
                .withAugmentations(List.of(TestTimeAugmentation.HFLIP, TestTimeAugmentation.DARKER))), file);

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(metadataBytes(file));

        assertThat(json.get("augmentations").toString()).isEqualTo("[\"hflip\",\"darker\"]");
        assertThat(json.has("flipAveraging")).isFalse();
    }

    @Test
    void aModelWithoutTestTimeAugmentationWritesNoAugmentationsField() throws IOException {
        // so that releases from before the field still read it
        Path file = dir.resolve("plain.zip");
        ModelFile.save(classifier, file);

        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(metadataBytes(file)).has("augmentations"))
                .isFalse();
    }

    @Test
    void aModelFileWithoutAugmentationsLoadsAndClassifiesThePatchAlone() throws IOException {
        // GIVEN metadata as written before test-time augmentation existed: a rule, "flipAveraging": false, no augmentations
        Path file = dir.resolve("before-tta.zip");
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(metadata(1, data.classes()).withDecisionRule(DecisionRule.weighting("pothole", 6)));
        json.remove("augmentations");
        json.put("flipAveraging", false);
        writeWithMetadata(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(json));
        // WHEN loaded
        Dl4jDamageClassifier loaded = ModelFile.load(file);
        // THEN no extra views: the probabilities are the network's own output, decided by the stored rule
        assertThat(loaded.metadata().augmentations()).isEmpty();
        assertThat(loaded.decisionRule()).isEqualTo(DecisionRule.weighting("pothole", 6));
        float[][] direct = classifier.network()
                .output(org.roadpulse.roadai.images.ImageTensors.batch(data.images(), loaded.metadata().normalisation()))
                .toFloatMatrix();
        assertThat(loaded.probabilities(data.images())).isDeepEqualTo(direct);
    }

    @Test
    void anOlderFileWithFlipAveragingOnAveragesOverTheMirrorImage() throws IOException {
        // GIVEN metadata from the release that knew only "flipAveraging": true
        Path file = dir.resolve("flip-averaging.zip");
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(metadata(1, data.classes()));
        json.remove("augmentations");
        json.put("flipAveraging", true);
        writeWithMetadata(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(json));
        // WHEN loaded, THEN it means what hflip means now
        assertThat(ModelFile.load(file).metadata().augmentations()).containsExactly(TestTimeAugmentation.HFLIP);
    }

    @Test
    void refusesAModelFileNamingAnUnknownAugmentation() throws IOException {
        Path file = dir.resolve("unknown-augmentation.zip");
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(metadata(1, data.classes()));
        json.putArray("augmentations").add("hflip").add("rotate90");
        writeWithMetadata(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(json));

        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("unreadable metadata")
                .hasMessageContaining("unknown test-time augmentation 'rotate90'")
                .hasMessageContaining("hflip, vflip, hvflip, brighter, darker");
    }

    @Test
    void aModelFileWithoutADecisionRuleLoadsAndDecidesByArgMax() throws IOException {
        // GIVEN metadata as written before the decision rule existed: no decisionRule, no flipAveraging
        Path file = dir.resolve("older.zip");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(metadata(1, data.classes()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove(List.of("decisionRule", "flipAveraging"));
        writeWithMetadata(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(json));
        // WHEN loaded
        Dl4jDamageClassifier loaded = ModelFile.load(file);
        // THEN arg-max on single patches
        assertThat(loaded.decisionRule()).isEqualTo(DecisionRule.ARG_MAX);
        assertThat(loaded.metadata().augmentsAtTestTime()).isFalse();
        assertThat(loaded.decide(new float[] {0.5f, 0.2f, 0.3f})).isZero();
    }

    @Test
    void refusesADecisionRuleThatWeighsAClassTheModelDoesNotHave() throws IOException {
        Path file = dir.resolve("foreign-rule.zip");
        ModelFile.save(classifier, file);
        rewriteMetadata(file, metadata(1, data.classes()).withDecisionRule(DecisionRule.weighting("rut", 2)));

        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("decision rule").hasMessageContaining("rut");
    }

    @Test
    void refusesADecisionRuleWithANegativeWeight() throws IOException {
        Path file = dir.resolve("negative-weight.zip");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(metadata(1, data.classes()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).putObject("decisionRule").putObject("weights")
                .put("pothole", -2.0);
        writeWithMetadata(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(json));

        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("unreadable metadata").hasMessageContaining("pothole");
    }

    @Test
    void theSavedModelCarriesNoUpdaterState() throws IOException {
        // The shipped model is for inference: Adam's state would double the file for nothing.
        Path file = dir.resolve("model.zip");
        ModelFile.save(classifier, file);

        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName)).doesNotContain("updaterState.bin")
                    .contains(ModelFile.METADATA_ENTRY);
        }
    }

    @Test
    void refusesAnotherMetadataFormatVersion() throws IOException {
        Path file = dir.resolve("future.zip");
        ModelFile.save(classifier, file);
        rewriteMetadata(file, metadata(99, data.classes()));

        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("format version 99").hasMessageContaining("expects 1");
    }

    @Test
    void refusesMetadataWhoseClassesDoNotFitTheNetwork() throws IOException {
        Path file = dir.resolve("mismatch.zip");
        ModelFile.save(classifier, file);
        rewriteMetadata(file, metadata(1, List.of("crack", "pothole")));

        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("2 classes").hasMessageContaining("3 outputs");
    }

    @Test
    void refusesABareDl4jZipWithoutMetadata() throws IOException {
        Path file = dir.resolve("bare.zip");
        ModelSerializer.writeModel(classifier.network(), file.toFile(), false);

        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("not a RoadPulse model file");
    }

    private static ModelMetadata metadata(int version, List<String> classes) {
        return new ModelMetadata(version, classes, TinyTraining.SIZE.width(), TinyTraining.SIZE.height(), 3,
                new Normalisation(List.of(0.5, 0.5, 0.5), List.of(0.25, 0.25, 0.25)), "test", "synthetic",
                Map.of("validation.macroF1", 0.5), Instant.EPOCH.toString());
    }

    /** Writes a model file whose metadata was edited by hand, as a user or an old release might produce. */
    private void rewriteMetadata(Path file, ModelMetadata edited) throws IOException {
        writeWithMetadata(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(edited));
    }

    private static byte[] metadataBytes(Path file) throws IOException {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.getInputStream(zip.getEntry(ModelFile.METADATA_ENTRY)).readAllBytes();
        }
    }

    private void writeWithMetadata(Path file, byte[] metadataJson) throws IOException {
        Path network = dir.resolve("network-only.zip");
        Files.deleteIfExists(network);
        ModelSerializer.writeModel(classifier.network(), network.toFile(), false);
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(network));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.transferTo(out);
            }
            out.putNextEntry(new java.util.zip.ZipEntry(ModelFile.METADATA_ENTRY));
            out.write(metadataJson);
        }
    }
}
