package org.roadpulse.roadai.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.model.DecisionRule;

/**
 * Picks the weight of one favoured class (pothole) from labelled probabilities: the best macro-F1 among the weights
 * that reach the wanted recall of that class; if none reaches it, the highest recall among the weights whose macro-F1
 * stays within {@value #MACRO_F1_TOLERANCE} of the best, so a hopeless recall target cannot wreck the other classes.
 * Ties go to the smaller weight, which changes fewer decisions.
 * Whatever data it is picked on scores optimistically afterwards: pick it on data kept out of the figures reported.
 */
public final class DecisionRuleSearch {
    /** Weights tried; 1 is plain arg-max. */
    static final double[] WEIGHTS = {1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5, 6, 8};
    static final double MACRO_F1_TOLERANCE = 0.05;

    /** One weight tried and what it scored. */
    public record Candidate(DecisionRule rule, double weight, EvaluationReport report, double favouredRecall) {
    }

    /** What was tried, in weight order, and which one was picked. */
    public record Result(List<Candidate> tried, Candidate picked, boolean recallReached) {
    }

    private DecisionRuleSearch() {
    }

    public static Result pick(List<String> classes, int[] labels, float[][] probabilities, String favoured,
                              double wantedRecall) {
        if (!classes.contains(favoured)) {
            throw new IllegalArgumentException("no class " + favoured + " among " + classes);
        }
        List<Candidate> tried = new ArrayList<>();
        for (double weight : WEIGHTS) {
            DecisionRule rule = weight == 1 ? DecisionRule.ARG_MAX : DecisionRule.weighting(favoured, weight);
            EvaluationReport report = Evaluator.report(classes, labels, probabilities, rule);
            tried.add(new Candidate(rule, weight, report, report.metricsOf(favoured).recall()));
        }
        Candidate picked = null;
        for (Candidate c : tried) {
            if (c.favouredRecall() >= wantedRecall && (picked == null || c.report().macroF1() > picked.report().macroF1())) {
                picked = c;
            }
        }
        if (picked != null) {
            return new Result(List.copyOf(tried), picked, true);
        }
        double bestMacroF1 = tried.stream().mapToDouble(c -> c.report().macroF1()).max().orElseThrow();
        for (Candidate c : tried) {
            boolean close = c.report().macroF1() >= bestMacroF1 - MACRO_F1_TOLERANCE;
            if (close && (picked == null || c.favouredRecall() > picked.favouredRecall())) {
                picked = c;
            }
        }
        return new Result(List.copyOf(tried), picked, false);
    }
}
