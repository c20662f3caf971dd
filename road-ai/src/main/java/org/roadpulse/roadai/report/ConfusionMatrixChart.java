package org.roadpulse.roadai.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.roadpulse.roadai.evaluation.ConfusionMatrix;

/**
 * The confusion matrix as a PNG heat map: rows actual, columns predicted, each cell shaded by the share of its row
 * (so a rare class such as pothole is as readable as a common one) and labelled with its count.
 */
public final class ConfusionMatrixChart {
    private static final int CELL = 90;
    private static final int MARGIN = 110;

    private ConfusionMatrixChart() {
    }

    public static void write(ConfusionMatrix matrix, String title, Path file) throws IOException {
        List<String> classes = matrix.classes();
        int n = classes.size();
        BufferedImage image = Charts.canvas(MARGIN + n * CELL + 20, MARGIN + n * CELL + 20);
        Graphics2D g = Charts.begin(image);
        g.drawString(title, 10, 20);
        g.drawString("predicted \u2192", MARGIN, 45);
        g.drawString("actual \u2193", 10, 65);
        for (int i = 0; i < n; i++) {
            g.drawString(classes.get(i), MARGIN + i * CELL + 5, MARGIN - 10);
            g.drawString(classes.get(i), 10, MARGIN + i * CELL + CELL / 2);
        }
        for (int a = 0; a < n; a++) {
            long rowTotal = 0;
            for (int p = 0; p < n; p++) {
                rowTotal += matrix.count(a, p);
            }
            for (int p = 0; p < n; p++) {
                double share = rowTotal == 0 ? 0 : (double) matrix.count(a, p) / rowTotal;
                int shade = (int) Math.round(255 * (1 - share));
                g.setColor(new Color(shade, shade, 255));
                g.fillRect(MARGIN + p * CELL, MARGIN + a * CELL, CELL, CELL);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                g.drawString(matrix.count(a, p) + String.format(java.util.Locale.ROOT, " (%.0f%%)", share * 100),
                        MARGIN + p * CELL + 8, MARGIN + a * CELL + CELL / 2);
            }
        }
        g.dispose();
        Charts.write(image, file);
    }
}
