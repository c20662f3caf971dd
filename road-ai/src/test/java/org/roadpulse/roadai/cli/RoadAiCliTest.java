package org.roadpulse.roadai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import org.roadpulse.roadai.model.ModelFile;
import org.roadpulse.roadai.model.TestTimeAugmentation;
import org.roadpulse.roadai.support.SyntheticRoadImages;

/** The three commands end to end on a synthetic data set: train writes a model that evaluate and predict can use. */
class RoadAiCliTest {
    @TempDir
    static Path dir;
    static Path model;
    static String trainOutput;

    @BeforeAll
    static void trainATinyModel() throws IOException {
        SyntheticRoadImages.write(dir.resolve("train"), 24, 32, 11);
        SyntheticRoadImages.write(dir.resolve("val"), 8, 32, 12);
        model = dir.resolve("models/tiny.zip");
        Run run = run("train", "--train", dir.resolve("train").toString(), "--val", dir.resolve("val").toString(),
                "--model", model.toString(), "--size", "24", "--channels", "8,16", "--epochs", "4", "--batch", "16",
                "--lr", "0.005", "--no-augment");
        assertThat(run.exitCode).as(run.err).isZero();
        trainOutput = run.out;
    }

    @Test
    void trainPrintsPerEpochFiguresAndKeepsTheBestModel() {
        assertThat(trainOutput).contains("epoch  1").contains("val macro-F1").contains("*best");
        assertThat(model).exists();
        assertThat(dir.resolve("models/tiny-history.csv")).exists();
    }

    @Test
    void trainDrawsTheCurvesAndTheConfusionMatrixAsPng() throws IOException {
        BufferedImage curves = ImageIO.read(dir.resolve("models/tiny-curves.png").toFile());
        BufferedImage confusion = ImageIO.read(dir.resolve("models/tiny-confusion.png").toFile());

        assertThat(curves.getWidth()).isEqualTo(640);
        assertThat(confusion.getWidth()).isGreaterThan(3 * 90);
    }

    @Test
    void evaluatePrintsPerClassMetricsAndTheConfusionMatrix() {
        Path png = dir.resolve("eval/confusion.png");
        Run run = run("evaluate", "--model", model.toString(), "--data", dir.resolve("val").toString(),
                "--confusion-png", png.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("pothole").contains("macro-F1").contains("actual\\pred").contains("patches/s");
        assertThat(png).exists();
    }

    @Test
    void predictWritesClassAndProbabilitiesAsJson() throws IOException {
        Run run = run("predict", "--model", model.toString(), dir.resolve("val/pothole").toString());

        assertThat(run.exitCode).as(run.err).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out);
        assertThat(rows).hasSize(8);
        assertThat(rows.get(0).get("probabilities").fieldNames()).toIterable()
                .containsExactly("crack", "no_damage", "pothole");
    }

    @Test
    void predictWritesCsvAndSkipsUnreadableFiles() throws IOException {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.copy(dir.resolve("val/crack/crack_0.png"), mixed.resolve("a.png"));
        Files.writeString(mixed.resolve("b.jpg"), "not a jpeg");

        Run run = run("predict", "--model", model.toString(), "--format", "csv", mixed.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out.lines()).hasSize(2).first().isEqualTo("file,class,p_crack,p_no_damage,p_pothole");
        assertThat(run.err).contains("skipped 1 unreadable files");
    }

    @Test
    void calibrateStoresTheDecisionRuleThatEvaluateThenUses() throws IOException {
        // GIVEN a copy of the tiny model calibrated on held-out data
        Path calibrated = dir.resolve("models/tiny-calibrated.zip");
        Run calibrate = run("calibrate", "--model", model.toString(), "--data", dir.resolve("val").toString(),
                "--min-recall", "1.0", "--tta", "hflip,vflip", "--data-note", "Tiny synthetic patches, CC0",
                "--out", calibrated.toString());
        assertThat(calibrate.exitCode).as(calibrate.err).isZero();
        assertThat(calibrate.out).contains("weight").contains("<- picked");
        // THEN the model file carries the picked rule, the test-time augmentation and the data note, and evaluate
        // decides with them
        var metadata = org.roadpulse.roadai.model.ModelFile.readMetadata(calibrated);
        assertThat(metadata.augmentations()).containsExactly(TestTimeAugmentation.HFLIP, TestTimeAugmentation.VFLIP);
        assertThat(metadata.dataDescription()).contains("picked on").contains("data: Tiny synthetic patches, CC0");
        Run evaluate = run("evaluate", "--model", calibrated.toString(), "--data", dir.resolve("val").toString());
        assertThat(evaluate.out).contains("decision: " + metadata.decision())
                .contains("test-time augmentation: hflip,vflip (mean over 3 views");
        // and the original model is untouched
        assertThat(org.roadpulse.roadai.model.ModelFile.readMetadata(model).decisionRule()).isNull();
    }

    @Test
    void aMissingModelFileIsAClearErrorNotAStackTrace() {
        Run run = run("evaluate", "--model", dir.resolve("nope.zip").toString(), "--data", dir.resolve("val").toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("nope.zip");
    }

    @Test
    void evaluateTriesATestTimeAugmentationWithoutChangingTheModelFile() throws IOException {
        Run run = run("evaluate", "--model", model.toString(), "--data", dir.resolve("val").toString(),
                "--tta", "hflip,vflip,hvflip");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("test-time augmentation: hflip,vflip,hvflip (mean over 4 views");
        assertThat(org.roadpulse.roadai.model.ModelFile.readMetadata(model).augmentations()).isEmpty();
    }

    @Test
    void anUnknownAugmentationNameIsAClearErrorListingTheKnownOnes() {
        Run run = run("evaluate", "--model", model.toString(), "--data", dir.resolve("val").toString(),
                "--tta", "hflip,rotate90");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("unknown test-time augmentation 'rotate90'").contains("hflip, vflip, hvflip");
    }

    @Test
    void mapWritesAJsonMapAndAnOverlayPerFrameAndSkipsUnreadableFrames() throws IOException {
        // GIVEN two frames of different sizes, a corrupt one, and a mask file that is not a frame
        Path frames = Files.createDirectories(dir.resolve("frames-map"));
        SyntheticFrames.write(frames.resolve("a_RAW.png"), 512, 320, 1);
        SyntheticFrames.write(frames.resolve("b.png"), 300, 200, 2);
        Files.writeString(frames.resolve("c_RAW.jpg"), "not a jpeg");
        SyntheticFrames.writeMask(frames.resolve("a_CRACK.png"), 512, 320);
        Path out = dir.resolve("maps");
        // WHEN
        Run run = run("map", "--model", model.toString(), "--tile", "64", "--out", out.toString(), frames.toString());
        // THEN
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("mapped 2 frames").contains("skipped 1 unreadable files");
        assertThat(run.err).contains("c_RAW.jpg");
        JsonNode map = new ObjectMapper().readTree(out.resolve("a.json").toFile()).get("map");
        assertThat(map.get("frameWidth").asInt()).isEqualTo(512);
        assertThat(map.get("tiles").size()).isPositive();
        assertThat(map.get("areas").fieldNames()).toIterable().containsExactly("crack", "no_damage", "pothole");
        assertThat(ImageIO.read(out.resolve("a-overlay.png").toFile()).getWidth()).isEqualTo(512);
        assertThat(out.resolve("b.json")).exists();
    }

    @Test
    void evaluateFramesPrintsTileMetricsAndPotholeRecall() throws IOException {
        // GIVEN a frame with a pothole and a crack drawn where its masks say
        Path frames = Files.createDirectories(dir.resolve("frames-eval"));
        SyntheticFrames.writeWithMasks(frames, "f1", 512, 320);
        Files.writeString(frames.resolve("lonely_RAW.jpg"), "no masks beside it");
        // WHEN
        Run run = run("evaluate-frames", "--model", model.toString(), "--tile", "64", "--no-progress", frames.toString());
        // THEN
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("precision").contains("frame-level pothole recall").contains("of 1 frames with a pothole")
                .contains("skipped 1 frames");
    }

    @Test
    void evaluateDriveRanksTheDamageOfAllFramesAndScoresTheList() throws IOException {
        // GIVEN two frames with a pothole and a crack drawn where their masks say, and one without masks
        Path frames = Files.createDirectories(dir.resolve("frames-drive"));
        SyntheticFrames.writeWithMasks(frames, "f1", 512, 320);
        SyntheticFrames.writeWithMasks(frames, "f2", 512, 320);
        Files.writeString(frames.resolve("lonely_RAW.jpg"), "no masks beside it");
        // WHEN
        Run run = run("evaluate-drive", "--model", model.toString(), "--tile", "64", "--no-progress",
                frames.toString());
        // THEN the list names its items with their terms, and the scores are printed
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("from 2 frames").contains("item-level pothole recall")
                .contains("of 2 frames with a pothole").contains("precision@10");
        assertThat(run.err).contains("lonely_RAW.jpg");
        // AND an unknown road class is refused by name
        Run wrongClass = run("evaluate-drive", "--model", model.toString(), "--road-class", "autobahn",
                frames.toString());
        assertThat(wrongClass.exitCode).isEqualTo(2);
        assertThat(wrongClass.err).contains("autobahn");
    }

    @Test
    void trainWithAStemBuildsAndDescribesItInTheModelFile() throws IOException {
        Path stemmed = dir.resolve("models/stem.zip");
        Run run = run("train", "--train", dir.resolve("train").toString(), "--val", dir.resolve("val").toString(),
                "--model", stemmed.toString(), "--size", "24", "--channels", "8,16", "--epochs", "1", "--batch", "16",
                "--no-augment", "--stem");

        assertThat(run.exitCode).as(run.err).isZero();
        Dl4jDamageClassifier loaded = ModelFile.load(stemmed);
        assertThat(loaded.metadata().architecture()).startsWith("CNN 5x5/2 stem, 8-16 ");
        assertThat(loaded.metadata().dataDescription()).contains("5x5 stride-2 stem");
        assertThat(loaded.network().getLayerWiseConfigurations().getConf(0).getLayer())
                .isInstanceOfSatisfying(ConvolutionLayer.class, c -> assertThat(c.getStride()).containsExactly(2, 2));
    }

    @Test
    void trainRefusesAnUnknownGlobalPoolingBeforeLoadingData() {
        Run run = run("train", "--train", dir.resolve("no-such-train").toString(), "--val", dir.resolve("val").toString(),
                "--model", dir.resolve("models/never.zip").toString(), "--global-pooling", "median");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("avg or max").contains("median");
        assertThat(dir.resolve("models/never.zip")).doesNotExist();
    }

    @Test
    void benchmarkFramesMeasuresTheModelWithAndWithoutTestTimeAugmentationInOneRun() throws IOException {
        Path frames = Files.createDirectories(dir.resolve("frames-bench"));
        SyntheticFrames.write(frames.resolve("a_RAW.png"), 512, 320, 3);

        Run run = run("benchmark-frames", "--model", model.toString(), "--tile", "64", "--runs", "1", "--warm-up", "0",
                "--compare-tta", "hflip,vflip", frames.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("test-time augmentation: none")
                .contains("test-time augmentation: hflip,vflip (mean over 3 views");
        assertThat(run.out.lines().filter(line -> line.startsWith("read + map ms"))).hasSize(2);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RoadAiCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
