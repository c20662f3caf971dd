package org.roadpulse.roadai.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    /**
     * Hand-computed example. Rows actual, columns predicted (crack, no_damage, pothole):
     * crack     [8 1 1]   no_damage [2 6 0]   pothole [0 1 3]
     * crack:     precision 8/10 = 0.8,  recall 8/10 = 0.8,  F1 0.8
     * no_damage: precision 6/8 = 0.75,  recall 6/8 = 0.75,  F1 0.75
     * pothole:   precision 3/4 = 0.75,  recall 3/4 = 0.75,  F1 0.75
     * macro-F1 = (0.8 + 0.75 + 0.75) / 3 = 0.766667; accuracy 17/22.
     */
    @Test
    void metricsMatchAHandComputedConfusionMatrix() {
        // GIVEN
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("crack", "no_damage", "pothole"));
        long[][] counts = {{8, 1, 1}, {2, 6, 0}, {0, 1, 3}};
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                for (int k = 0; k < counts[a][p]; k++) {
                    matrix.add(a, p);
                }
            }
        }
        // WHEN
        EvaluationReport report = EvaluationReport.of(matrix);
        // THEN
        assertThat(report.metricsOf("crack").precision()).isCloseTo(0.8, within(1e-9));
        assertThat(report.metricsOf("crack").recall()).isCloseTo(0.8, within(1e-9));
        assertThat(report.metricsOf("no_damage").f1()).isCloseTo(0.75, within(1e-9));
        assertThat(report.metricsOf("pothole").recall()).isCloseTo(0.75, within(1e-9));
        assertThat(report.metricsOf("pothole").support()).isEqualTo(4);
        assertThat(report.macroF1()).isCloseTo(2.3 / 3, within(1e-9));
        assertThat(report.accuracy()).isCloseTo(17.0 / 22, within(1e-9));
    }

    @Test
    void aClassNeverPredictedHasZeroPrecisionNotNaN() {
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("a", "b"));
        matrix.add(0, 0);
        matrix.add(1, 0);

        EvaluationReport report = EvaluationReport.of(matrix);

        assertThat(report.metricsOf("b").precision()).isZero();
        assertThat(report.metricsOf("b").f1()).isZero();
        assertThat(report.macroF1()).isCloseTo((2.0 / 3) / 2, within(1e-9));
    }

    @Test
    void textReportShowsMetricsAndMatrix() {
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("crack", "pothole"));
        matrix.add(0, 0);
        matrix.add(1, 0);

        String text = EvaluationReport.of(matrix).toText();

        assertThat(text).contains("macro-F1").contains("pothole").contains("actual\\pred");
    }
}
