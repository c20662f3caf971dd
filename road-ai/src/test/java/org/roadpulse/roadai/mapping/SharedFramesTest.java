package org.roadpulse.roadai.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.images.OpenCvImageReader;
import org.roadpulse.roadai.images.UnreadableImageException;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import org.roadpulse.roadai.model.ModelFile;
import org.roadpulse.roadai.support.SharedData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mapper on the shared whole frames with a real trained model; skipped where the shared data or a model file
 * (road-ai/models/road-damage.zip, else /tmp/roadai-runs/run1-64.zip) is absent.
 */
class SharedFramesTest {
    private static final Logger LOG = LoggerFactory.getLogger(SharedFramesTest.class);
    private static final List<Path> MODELS = List.of(Path.of("models/road-damage.zip"),
            Path.of("/tmp/roadai-runs/run1-64.zip"));

    @Test
    void mapsARealFrameWithTheTrainedModel() throws IOException, UnreadableImageException {
        // GIVEN a validation frame and a trained model
        Path frames = framesFolder().resolve("val");
        Optional<Path> model = MODELS.stream().filter(Files::isRegularFile).findFirst();
        assumeTrue(model.isPresent(), "no trained model file " + MODELS);
        Path file;
        try (Stream<Path> list = Files.list(frames)) {
            file = list.filter(p -> p.getFileName().toString().endsWith("_RAW.jpg")).sorted().findFirst().orElseThrow();
        }
        Dl4jDamageClassifier classifier = ModelFile.load(model.get());
        DamageMapper mapper = new DamageMapper(classifier, RoadRegion.LOWER_PART, Tiling.DEFAULT,
                new OpenCvCrackShapeEstimator(), 64);
        // WHEN
        DamageMap map;
        try (OpenCvFrame frame = OpenCvFrame.read(file)) {
            map = mapper.map(frame);
        }
        // THEN every laid tile has a verdict from the model's classes, and the areas add up to the tiled road
        assertThat(map.frameWidth()).isEqualTo(1024);
        assertThat(map.tiles()).isNotEmpty().hasSize(mapper.tilesFor(new ImageSize(1024, 640)).size());
        assertThat(map.tiles()).allSatisfy(t -> assertThat(classifier.classes()).contains(t.className()));
        double shares = map.areas().values().stream().mapToDouble(DamagedArea::shareOfRoad).sum();
        assertThat(shares).isCloseTo(map.tiledShareOfRoad(), org.assertj.core.api.Assertions.within(1e-6));
        LOG.info("{}: {} tiles, areas {}, crack sub-types {}", file.getFileName(), map.tiles().size(), map.areas(),
                map.crackSubtypes());
    }

    /**
     * The manifest's {@code crack_angle_deg} (from the mask pixels) is a hint, not ground truth: the estimate from the
     * image should agree on which side of 45 degrees a crack runs for most patches, not all (docs/damage-mapper.md).
     */
    @Test
    void crackDirectionsMostlyAgreeWithTheManifestHint() throws IOException, UnreadableImageException {
        Path data = framesFolder().getParent();
        OpenCvCrackShapeEstimator estimator = new OpenCvCrackShapeEstimator();
        OpenCvImageReader reader = new OpenCvImageReader();
        List<String> rows = Files.readAllLines(data.resolve("manifest.csv"));
        int estimated = 0;
        int sameSide = 0;
        int crackRows = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] field = row.split(",", -1);
            if (!field[3].equals("crack") || field[14].isEmpty() || crackRows++ % 4 != 0) {
                continue;
            }
            double hint = Double.parseDouble(field[14]);
            Optional<CrackShape> shape = estimator.estimate(reader.read(data.resolve(field[2]), ImageSize.square(128)));
            if (shape.isPresent()) {
                estimated++;
                sameSide += (shape.get().measurements().angleDeg() > 45) == (hint > 45) ? 1 : 0;
            }
        }
        LOG.info("crack direction vs manifest hint: {} of {} estimated agree on the side of 45 degrees ({} sampled)",
                sameSide, estimated, (crackRows + 3) / 4);
        assertThat(estimated).isGreaterThan(crackRows / 4 / 2);
        assertThat((double) sameSide / estimated).isGreaterThan(0.6);
    }

    private static Path framesFolder() {
        Optional<Path> data = SharedData.roadDamage();
        assumeTrue(data.isPresent() && Files.isDirectory(data.get().resolve("frames/val")),
                "shared road-damage frames not found (../shared/data or ROADPULSE_DATA)");
        return data.get().resolve("frames");
    }
}
