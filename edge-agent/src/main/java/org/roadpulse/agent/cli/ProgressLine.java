package org.roadpulse.agent.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * One line of a progress display: {@code [#########...........]  4380/8759  50%  812/s  ETA 0:05}.
 * Plain text from plain numbers, so that it is tested without a terminal or a clock.
 */
final class ProgressLine {

    static final int BAR_WIDTH = 30;

    private ProgressLine() {
    }

    /**
     * @param done        intervals answered so far (this run and earlier ones)
     * @param total       intervals in the whole replay
     * @param doneThisRun of {@code done}, how many this run answered
     * @param elapsed     time this run has taken so far
     */
    static String render(long done, long total, long doneThisRun, Duration elapsed) {
        long shown = Math.max(0, Math.min(done, total));
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * shown / total);
        int percent = total == 0 ? 100 : (int) (100 * shown / total);
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? doneThisRun / seconds : 0;
        String eta = rate > 0 ? clock(Duration.ofSeconds((long) Math.ceil((total - shown) / rate))) : "--:--";
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%d/%d  %3d%%  %.0f/s  ETA %s", shown, total, percent, rate, eta);
    }

    /** {@code 0:05}, {@code 12:34}, {@code 1:02:03}: minutes and seconds, hours when there are any. */
    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }
}
