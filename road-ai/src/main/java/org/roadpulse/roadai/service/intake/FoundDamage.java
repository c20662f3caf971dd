package org.roadpulse.roadai.service.intake;

import org.roadpulse.roadai.maintenance.Finding;

/** A finding of one frame and where in the frame it lies (pixels), for the labelled data set. */
public record FoundDamage(Finding finding, int x, int y, int width, int height) {
}
