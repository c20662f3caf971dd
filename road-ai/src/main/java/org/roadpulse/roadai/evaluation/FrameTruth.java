package org.roadpulse.roadai.evaluation;

import org.roadpulse.roadai.images.BinaryMask;

/** The hand-made masks of one frame (white = labelled); {@code lane} (the road surface) may be null. */
public record FrameTruth(BinaryMask crack, BinaryMask pothole, BinaryMask lane) {

    public FrameTruth(BinaryMask crack, BinaryMask pothole) {
        this(crack, pothole, null);
    }
}
