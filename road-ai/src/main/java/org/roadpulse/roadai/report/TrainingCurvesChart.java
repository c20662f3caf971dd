package org.roadpulse.roadai.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.roadpulse.roadai.training.EpochSummary;

/**
 * Training loss and validation accuracy / macro-F1 per epoch as a PNG line chart. Both share one 0..max axis:
 * the loss is plotted on its own scale (left labels), the validation figures on 0..1 (right labels).
 */
public final class TrainingCurvesChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 60;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private TrainingCurvesChart() {
    }

    public static void write(List<EpochSummary> epochs, String title, Path file) throws IOException {
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("no epochs to plot");
        }
        BufferedImage image = Charts.canvas(WIDTH, HEIGHT);
        Graphics2D g = Charts.begin(image);
        g.drawString(title, LEFT, 20);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        double maxLoss = epochs.stream().mapToDouble(EpochSummary::trainLoss).max().orElse(1) * 1.1;
        for (int tick = 0; tick <= 4; tick++) {
            int y = TOP + plotHeight - tick * plotHeight / 4;
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.2f", maxLoss * tick / 4), 10, y + 4);
            g.drawString(String.format(Locale.ROOT, "%.2f", tick / 4.0), LEFT + plotWidth + 8, y + 4);
        }
        for (EpochSummary e : epochs) {
            g.drawString(Integer.toString(e.epoch()), x(e.epoch(), epochs.size(), plotWidth) - 4, TOP + plotHeight + 18);
        }
        g.drawString("epoch", LEFT + plotWidth / 2 - 15, HEIGHT - 10);
        line(g, epochs, e -> e.trainLoss() / maxLoss, new Color(200, 60, 60), plotWidth, plotHeight);
        line(g, epochs, e -> e.validation().accuracy(), new Color(60, 120, 200), plotWidth, plotHeight);
        line(g, epochs, e -> e.validation().macroF1(), new Color(40, 160, 80), plotWidth, plotHeight);
        legend(g, "train loss (left)", new Color(200, 60, 60), 0);
        legend(g, "val accuracy (right)", new Color(60, 120, 200), 1);
        legend(g, "val macro-F1 (right)", new Color(40, 160, 80), 2);
        g.dispose();
        Charts.write(image, file);
    }

    private static void line(Graphics2D g, List<EpochSummary> epochs, ToDoubleFunction<EpochSummary> value,
                             Color colour, int plotWidth, int plotHeight) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        int previousX = -1;
        int previousY = -1;
        for (EpochSummary e : epochs) {
            int x = x(e.epoch(), epochs.size(), plotWidth);
            int y = TOP + plotHeight - (int) Math.round(Math.max(0, Math.min(1, value.applyAsDouble(e))) * plotHeight);
            g.fillOval(x - 3, y - 3, 6, 6);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
    }

    private static int x(int epoch, int epochCount, int plotWidth) {
        return LEFT + (epochCount == 1 ? plotWidth / 2 : (epoch - 1) * plotWidth / (epochCount - 1));
    }

    private static void legend(Graphics2D g, String label, Color colour, int row) {
        int x = WIDTH - RIGHT - 170;
        int y = TOP + 15 + row * 16;
        g.setColor(colour);
        g.fillRect(x, y - 8, 12, 8);
        g.setColor(Color.BLACK);
        g.drawString(label, x + 18, y);
    }
}
