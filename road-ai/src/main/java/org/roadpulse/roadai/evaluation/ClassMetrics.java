package org.roadpulse.roadai.evaluation;

/** Precision, recall and F1 of one class; {@code support} is how many samples actually belong to it. */
public record ClassMetrics(String className, double precision, double recall, double f1, long support) {
}
