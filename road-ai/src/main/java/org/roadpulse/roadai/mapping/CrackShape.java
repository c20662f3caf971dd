package org.roadpulse.roadai.mapping;

/** A crack sub-type together with the measurements it was decided from, so the decision can be checked. */
public record CrackShape(CrackSubtype subtype, CrackMeasurements measurements) {
}
