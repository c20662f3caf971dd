package org.roadpulse.roadai.survey;

/**
 * How much road a vehicle-camera frame shows, to turn shares of the frame's road region into square metres. A
 * forward-looking roof camera sees roughly one lane-pair wide (7 m) and a dozen metres deep in the lower part of the
 * frame; without a camera calibration this is an estimate, good to tell a fist-sized pothole from a metre-wide one.
 *
 * @param roadSquareMetresInView the road surface the frame's road region covers
 */
public record SurveyGeometry(double roadSquareMetresInView) {

    public SurveyGeometry {
        if (!(roadSquareMetresInView > 0)) {
            throw new IllegalArgumentException("the road in view needs a positive area");
        }
    }

    public static SurveyGeometry typicalRoofCamera() {
        return new SurveyGeometry(7 * 12);
    }
}
