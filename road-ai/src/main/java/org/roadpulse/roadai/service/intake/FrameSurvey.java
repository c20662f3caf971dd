package org.roadpulse.roadai.service.intake;

import java.time.Instant;

/** Anonymises a JPEG and finds the damage in it; the technology (OpenCV, DL4J) stays behind it. */
public interface FrameSurvey {

    /**
     * @throws UnreadableFrameException when the bytes do not decode as an image
     */
    SurveyedFrame survey(byte[] jpeg, Instant takenAt) throws UnreadableFrameException;
}
