package org.roadpulse.ingest.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A PNG of a benchmark's samples over time: panels stacked above each other, one y axis each, minutes along the
 * bottom. Plain Java2D (headless): the build has no charting library, and this needs only lines, ticks and a legend.
 */
final class TimeChart {

    record Series(String name, Color color, double[] values) {
    }

    record Panel(String title, List<Series> series) {
    }

    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 220;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int GAP = 45;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static {
        System.setProperty("java.awt.headless", "true"); // build machines and servers have no display
    }

    private TimeChart() {
    }

    /** @param minutes the time of each sample, shared by every series */
    static void write(Path file, String title, double[] minutes, List<Panel> panels) throws IOException {
        int height = TOP + panels.size() * (PANEL_HEIGHT + GAP);
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setFont(FONT.deriveFont(Font.BOLD, 14f));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 22);
        g.setFont(FONT);
        double maxMinute = minutes.length == 0 ? 1 : Math.max(minutes[minutes.length - 1], 1e-9);
        for (int p = 0; p < panels.size(); p++) {
            drawPanel(g, panels.get(p), minutes, maxMinute, TOP + p * (PANEL_HEIGHT + GAP));
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }

    private static void drawPanel(Graphics2D g, Panel panel, double[] minutes, double maxMinute, int top) {
        int plotTop = top + 18;
        int plotHeight = PANEL_HEIGHT - 18;
        int plotWidth = WIDTH - LEFT - RIGHT;
        double maxValue = niceCeiling(panel.series().stream()
                .flatMapToDouble(s -> java.util.Arrays.stream(s.values())).filter(Double::isFinite).max().orElse(1));
        g.setColor(Color.BLACK);
        g.drawString(panel.title(), LEFT, top + 12);
        for (int tick = 0; tick <= 4; tick++) {
            int y = plotTop + plotHeight - tick * plotHeight / 4;
            g.setColor(new Color(230, 230, 230));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            String label = format(maxValue * tick / 4);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        for (int tick = 0; tick <= 10; tick++) {
            int x = LEFT + tick * plotWidth / 10;
            double minute = maxMinute * tick / 10;
            String label = (maxMinute < 5 ? String.format("%.2f", minute) : format(minute))
                    + (tick == 10 ? " min" : "");
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, plotTop + plotHeight + 15);
        }
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, plotTop, plotWidth, plotHeight);
        int legendX = LEFT + plotWidth;
        for (int s = panel.series().size() - 1; s >= 0; s--) {
            Series series = panel.series().get(s);
            g.setColor(series.color());
            g.setStroke(new BasicStroke(1.6f));
            int previousX = -1;
            int previousY = -1;
            for (int i = 0; i < minutes.length && i < series.values().length; i++) {
                if (!Double.isFinite(series.values()[i])) {
                    continue;
                }
                int x = LEFT + (int) Math.round(minutes[i] / maxMinute * plotWidth);
                int y = plotTop + plotHeight - (int) Math.round(series.values()[i] / maxValue * plotHeight);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            g.setStroke(new BasicStroke(1f));
            legendX -= g.getFontMetrics().stringWidth(series.name()) + 30;
            g.fillRect(legendX, top + 4, 14, 4);
            g.drawString(series.name(), legendX + 18, top + 12);
        }
    }

    /** 1, 2 or 5 times a power of ten, at least the value: round numbers on the axis. */
    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.format("%,.0f", value) : String.format("%,.1f", value);
    }
}
