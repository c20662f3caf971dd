package org.roadpulse.roadai.training;

import org.roadpulse.roadai.evaluation.EvaluationReport;

/**
 * One epoch's figures: mean training loss over its batches and the validation report.
 *
 * @param epoch 1-based, as printed
 */
public record EpochSummary(int epoch, double learningRate, double trainLoss, EvaluationReport validation,
                           double seconds, boolean best) {
}
