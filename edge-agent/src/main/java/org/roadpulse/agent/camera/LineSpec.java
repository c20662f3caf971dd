package org.roadpulse.agent.camera;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A counting line as installers and the video data's README write it, in fractions of the frame: {@code y=0.50}
 * (a horizontal line over the whole width), {@code y=0.5:x=0.1-0.6} (part of the width), {@code x=0.50} (vertical),
 * or {@code 0.1,0.8-0.9,0.4} (from one point to another: "down" is to the left of the direction a → b).
 */
public record LineSpec(double ax, double ay, double bx, double by, boolean horizontal, boolean vertical) {

    private static final String NUMBER = "([0-9]*\\.?[0-9]+)";
    private static final Pattern AXIS = Pattern.compile("([xy])=" + NUMBER + "(?::([xy])=" + NUMBER + "-" + NUMBER + ")?");
    private static final Pattern POINTS = Pattern.compile(NUMBER + "," + NUMBER + "-" + NUMBER + "," + NUMBER);

    public static LineSpec parse(String text) {
        String spec = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher axis = AXIS.matcher(spec);
        if (axis.matches()) {
            double at = fraction(axis.group(2), text);
            double from = axis.group(3) == null ? 0 : fraction(axis.group(4), text);
            double to = axis.group(3) == null ? 1 : fraction(axis.group(5), text);
            if (axis.group(3) != null && axis.group(3).equals(axis.group(1)) || from >= to) {
                throw new IllegalArgumentException("line '" + text + "': the extent must run along the line, low to high");
            }
            return axis.group(1).equals("y") ? new LineSpec(from, at, to, at, true, false)
                    : new LineSpec(at, from, at, to, false, true);
        }
        Matcher points = POINTS.matcher(spec);
        if (points.matches()) {
            return new LineSpec(fraction(points.group(1), text), fraction(points.group(2), text),
                    fraction(points.group(3), text), fraction(points.group(4), text), false, false);
        }
        throw new IllegalArgumentException("line '" + text + "' is not y=F, x=F, y=F:x=F-F or x1,y1-x2,y2 with "
                + "fractions of the frame");
    }

    /** The line in a frame of this size, with a band of {@code band} pixels. */
    public CountingLine inFrame(String name, int width, int height, double band) {
        if (horizontal) {
            return CountingLine.horizontal(name, Math.round(ay * height), ax * width, bx * width, band);
        }
        if (vertical) {
            return CountingLine.vertical(name, Math.round(ax * width), ay * height, by * height, band);
        }
        return new CountingLine(name, ax * width, ay * height, bx * width, by * height, band, "down", "up");
    }

    private static double fraction(String number, String text) {
        double value = Double.parseDouble(number);
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException("line '" + text + "': " + number + " lies outside the frame (0..1)");
        }
        return value;
    }
}
