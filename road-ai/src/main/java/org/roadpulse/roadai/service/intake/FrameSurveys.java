package org.roadpulse.roadai.service.intake;

import java.util.Optional;

/** The frame survey if a model could be loaded, or why not: intake asks here and answers 503 without one. */
public final class FrameSurveys {

    private final FrameSurvey survey;
    private final String missing;

    private FrameSurveys(FrameSurvey survey, String missing) {
        this.survey = survey;
        this.missing = missing;
    }

    public static FrameSurveys ready(FrameSurvey survey) {
        return new FrameSurveys(survey, null);
    }

    public static FrameSurveys unavailable(String why) {
        return new FrameSurveys(null, why);
    }

    public FrameSurvey require() {
        if (survey == null) {
            throw new ModelMissingException(missing);
        }
        return survey;
    }

    public Optional<String> missing() {
        return Optional.ofNullable(missing);
    }
}
