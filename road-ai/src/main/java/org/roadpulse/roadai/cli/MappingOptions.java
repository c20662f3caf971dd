package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.roadpulse.roadai.mapping.DamageMapper;
import org.roadpulse.roadai.mapping.TileDecision;
import org.roadpulse.roadai.mapping.OpenCvCrackShapeEstimator;
import org.roadpulse.roadai.mapping.RoadRegion;
import org.roadpulse.roadai.mapping.Tiling;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import org.roadpulse.roadai.model.ModelFile;
import picocli.CommandLine.Option;

/** The options every frame command shares: which model, where the road is, how the tiles are laid. */
final class MappingOptions {
    @Option(names = "--model", description = "Model file (.zip); default road-ai/models/road-damage.zip when it exists.")
    Path modelFile;

    @Option(names = "--region", defaultValue = "lower",
            description = "Road region: 'lower' (default: a trapezoid over the lower 65 %% of the frame), or corners "
                    + "'x,y x,y x,y ...' as fractions of the frame (0..1), or in pixels with the prefix 'px:'.")
    String region;

    @Option(names = "--tile", defaultValue = "128", description = "Tile side in pixels (default ${DEFAULT-VALUE}).")
    int tileSide;

    @Option(names = "--stride", description = "Pixels between neighbouring tiles (default: the tile side, no overlap).")
    Integer stride;

    @Option(names = "--min-inside", defaultValue = "0.5",
            description = "Share of a tile that must lie in the road region for it to be classified (default ${DEFAULT-VALUE}).")
    double minInside;

    @Option(names = "--pothole-threshold",
            description = "Override: a tile is pothole once its pothole probability reaches this, even if the model's "
                    + "own decision rule says otherwise (default: the model's rule, stored in the model file).")
    Double potholeThreshold;

    @Option(names = "--batch", defaultValue = "64", description = "Tiles per inference batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--tta", paramLabel = "LIST", description = TestTimeOption.DESCRIPTION)
    String testTime;

    Path model() {
        return ModelChoice.resolve(modelFile);
    }

    /** The model with the --tta override applied, if given. */
    Dl4jDamageClassifier loadModel() throws IOException {
        return TestTimeOption.apply(ModelFile.load(model()), testTime);
    }

    Tiling tiling() {
        return new Tiling(tileSide, stride == null ? tileSide : stride, minInside);
    }

    DamageMapper mapper(Dl4jDamageClassifier classifier) {
        return new DamageMapper(classifier, RoadRegion.parse(region), tiling(), new OpenCvCrackShapeEstimator(), batch,
                potholeThreshold == null ? TileDecision.CLASSIFIERS_OWN : TileDecision.favouring("pothole", potholeThreshold));
    }

    /** Which rule decided the tiles (the model's own, stored in its file, or the --pothole-threshold override), on which views. */
    String describeDecision(DamageMapper mapper, Dl4jDamageClassifier classifier) {
        return "decision: " + mapper.decision() + " (model rule: " + classifier.decisionRule() + "); "
                + TestTimeOption.describe(classifier);
    }
}
