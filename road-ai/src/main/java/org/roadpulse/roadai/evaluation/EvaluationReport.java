package org.roadpulse.roadai.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-class precision/recall/F1, accuracy and macro-F1 derived from a confusion matrix.
 * A class never predicted has precision 0 (not NaN), so macro-F1 punishes a model that ignores a class.
 */
public record EvaluationReport(ConfusionMatrix matrix, List<ClassMetrics> perClass, double accuracy, double macroF1) {

    public static EvaluationReport of(ConfusionMatrix matrix) {
        List<ClassMetrics> perClass = new ArrayList<>();
        double f1Sum = 0;
        for (int c = 0; c < matrix.classes().size(); c++) {
            long tp = matrix.count(c, c);
            double precision = ratio(tp, matrix.predictedCount(c));
            double recall = ratio(tp, matrix.actualCount(c));
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(matrix.classes().get(c), precision, recall, f1, matrix.actualCount(c)));
            f1Sum += f1;
        }
        double accuracy = ratio(matrix.correct(), matrix.total());
        return new EvaluationReport(matrix, List.copyOf(perClass), accuracy, f1Sum / perClass.size());
    }

    public ClassMetrics metricsOf(String className) {
        return perClass.stream().filter(m -> m.className().equals(className)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no class " + className + " in " + matrix.classes()));
    }

    /** A fixed-width table for the terminal: per-class metrics, then the confusion matrix. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-12s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support"));
        for (ClassMetrics m : perClass) {
            out.append(String.format(Locale.ROOT, "%-12s %9.3f %9.3f %9.3f %8d%n",
                    m.className(), m.precision(), m.recall(), m.f1(), m.support()));
        }
        out.append(String.format(Locale.ROOT, "accuracy %.3f   macro-F1 %.3f   (n=%d)%n%n", accuracy, macroF1, matrix.total()));
        out.append(String.format(Locale.ROOT, "%-12s", "actual\\pred"));
        matrix.classes().forEach(c -> out.append(String.format(Locale.ROOT, " %10s", c)));
        out.append(System.lineSeparator());
        for (int a = 0; a < matrix.classes().size(); a++) {
            out.append(String.format(Locale.ROOT, "%-12s", matrix.classes().get(a)));
            for (int p = 0; p < matrix.classes().size(); p++) {
                out.append(String.format(Locale.ROOT, " %10d", matrix.count(a, p)));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
