package org.roadpulse.roadai.evaluation;

import org.roadpulse.roadai.images.BinaryMask;

/** The hand-made masks of one frame (white = labelled). */
public record FrameTruth(BinaryMask crack, BinaryMask pothole) {
}
