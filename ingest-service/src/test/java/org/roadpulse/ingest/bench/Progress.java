package org.roadpulse.ingest.bench;

/** A one-line progress bar with rate and ETA for long benchmark phases. */
final class Progress {

    private static final int WIDTH = 30;

    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private long lastPrinted;

    Progress(String what, long total) {
        this.what = what;
        this.total = total;
    }

    void step(long done) {
        long now = System.nanoTime();
        if (now - lastPrinted < 1_000_000_000L && done < total) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - started) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        int filled = (int) (WIDTH * done / Math.max(1, total));
        System.out.printf("\r  %s [%s%s] %3d%%  %,.0f/s  ETA %d:%02d ", what, "#".repeat(filled),
                ".".repeat(WIDTH - filled), 100 * done / Math.max(1, total), rate, eta / 60, eta % 60);
        System.out.flush();
    }

    void done() {
        System.out.println();
    }
}
