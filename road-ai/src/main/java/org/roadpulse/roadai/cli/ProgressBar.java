package org.roadpulse.roadai.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One-line progress redrawn in place with a carriage return: of the current epoch with an ETA for the whole run
 * (training), or of a count of items such as frames. The ETA extrapolates from the average time per batch or item so
 * far; the clock is injected so it can be tested.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final int totalEpochs;
    private final long started;

    ProgressBar(PrintStream out, LongSupplier nanoClock, int totalEpochs) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.totalEpochs = totalEpochs;
        this.started = nanoClock.getAsLong();
    }

    void update(int epoch, int batch, int batchesPerEpoch, double loss) {
        out.print("\r" + line(epoch, batch, batchesPerEpoch, loss));
        out.flush();
    }

    /** Progress over items (e.g. frames) rather than epochs. */
    void updateItems(String unit, int done, int total) {
        out.print("\r" + itemLine(unit, done, total));
        out.flush();
    }

    void finishLine() {
        out.print("\r" + " ".repeat(100) + "\r");
        out.flush();
    }

    String line(int epoch, int batch, int batchesPerEpoch, double loss) {
        long batchesDone = (long) (epoch - 1) * batchesPerEpoch + batch;
        long batchesTotal = (long) totalEpochs * batchesPerEpoch;
        double elapsed = (nanoClock.getAsLong() - started) / 1e9;
        double eta = batchesDone == 0 ? 0 : elapsed / batchesDone * (batchesTotal - batchesDone);
        int filled = batch * WIDTH / batchesPerEpoch;
        return String.format(Locale.ROOT, "epoch %d/%d [%s%s] %3d%% loss %.4f  elapsed %s  ETA %s",
                epoch, totalEpochs, "#".repeat(filled), ".".repeat(WIDTH - filled), batch * 100 / batchesPerEpoch,
                loss, clock(elapsed), clock(eta));
    }

    String itemLine(String unit, int done, int total) {
        double elapsed = (nanoClock.getAsLong() - started) / 1e9;
        double eta = done == 0 ? 0 : elapsed / done * (total - done);
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        return String.format(Locale.ROOT, "%s %d/%d [%s%s] %3d%%  elapsed %s  ETA %s", unit, done, total,
                "#".repeat(filled), ".".repeat(WIDTH - filled), total == 0 ? 100 : done * 100 / total, clock(elapsed),
                clock(eta));
    }

    /** ETA is for all planned epochs; early stopping can end sooner. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
