package org.roadpulse.roadai.service.intake;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.roadpulse.roadai.mapping.DamageMapper;
import org.roadpulse.roadai.mapping.OpenCvCrackShapeEstimator;
import org.roadpulse.roadai.mapping.RoadRegion;
import org.roadpulse.roadai.mapping.TileDecision;
import org.roadpulse.roadai.mapping.Tiling;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import org.roadpulse.roadai.model.ModelFile;
import org.roadpulse.roadai.privacy.Anonymiser;
import org.roadpulse.roadai.privacy.HaarCascadeDetector;
import org.roadpulse.roadai.service.RoadAiSettings;
import org.roadpulse.roadai.survey.SurveyGeometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the classifier named by {@code roadai.model}; without it the service starts, and intake says why not. */
@Factory
final class IntakeFactory {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeFactory.class);

    @Context // loaded at startup: a missing or broken model is logged at once, not at the first upload
    FrameSurveys frameSurveys(RoadAiSettings.Paths paths, RoadAiSettings.Intake intake) {
        Path model = Path.of(paths.model());
        if (!Files.isRegularFile(model)) {
            LOG.warn("No model at {}: image intake answers 503 until one is there (roadai.model)", model.toAbsolutePath());
            return FrameSurveys.unavailable("no damage model at " + model + " (set roadai.model)");
        }
        try {
            Dl4jDamageClassifier classifier = ModelFile.load(model);
            DamageMapper mapper = new DamageMapper(classifier, RoadRegion.LOWER_PART,
                    new Tiling(intake.tileSide(), intake.tileSide(), 0.5), new OpenCvCrackShapeEstimator(), 64,
                    tileDecision(intake));
            LOG.info("Damage model {} loaded: classes {}", model, classifier.classes());
            return FrameSurveys.ready(new OpenCvFrameSurvey(new Anonymiser(new HaarCascadeDetector()), mapper,
                    SurveyGeometry.typicalRoofCamera()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The model at {} cannot be used: {}", model, e.getMessage());
            return FrameSurveys.unavailable("the damage model " + model + " cannot be used: " + e.getMessage());
        }
    }

    /** The model decides as its file says, unless the settings lower the pothole threshold below 1. */
    private static TileDecision tileDecision(RoadAiSettings.Intake intake) {
        return intake.potholeThreshold() < 1 ? TileDecision.favouring("pothole", intake.potholeThreshold())
                : TileDecision.CLASSIFIERS_OWN;
    }
}
