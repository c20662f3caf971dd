package org.roadpulse.agent.cli;

import org.roadpulse.agent.Agent;
import org.roadpulse.agent.AgentCounters;
import org.roadpulse.agent.config.TransportSettings;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What one replay shows on the terminal: a progress bar with ETA while it runs, a summary when it ends (also after
 * Ctrl-C) — intervals in the file, taken by an earlier run, sent, acknowledged, rejected per reason, still pending.
 *
 * <p>Progress counts answered intervals: {@code skipped + produced − pending}. An interval a restarted replay passes
 * over was taken by an earlier run, so it counts as done only once the outbox has let go of it.
 */
final class ReplayReport implements AgentRunner.RunReport {

    /** How the progress shows. */
    enum Progress {
        /** Not at all (only the summary). */
        NONE,
        /** Redrawn in place five times a second: for a terminal. */
        SAME_LINE,
        /** A new line every 10 s: for output that goes to a file or a log. */
        LINES
    }

    private static final Duration LINE_EVERY = Duration.ofSeconds(10);

    private final String replayed;
    private final long total;
    private final TransportSettings transport;
    private final Progress progress;
    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private long nextLineNanos;

    /**
     * @param replayed  what is replayed, for the summary's first line (e.g. the file's name)
     * @param total     intervals in the whole replay
     * @param nanoTime  the clock ({@code System::nanoTime}; tests pass their own)
     */
    ReplayReport(String replayed, long total, TransportSettings transport, Progress progress, PrintStream out,
                 LongSupplier nanoTime) {
        this.replayed = replayed;
        this.total = total;
        this.transport = transport;
        this.progress = progress;
        this.out = out;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.nextLineNanos = startNanos;
    }

    @Override
    public void during(List<Agent> agents) {
        long now = nanoTime.getAsLong();
        if (progress == Progress.SAME_LINE) {
            out.print("\r" + line(agents.get(0).counters(), now));
            out.flush();
        } else if (progress == Progress.LINES && now - nextLineNanos >= 0) {
            out.println(line(agents.get(0).counters(), now));
            nextLineNanos = now + LINE_EVERY.toNanos();
        }
    }

    @Override
    public void end(List<Agent> agents) {
        Agent agent = agents.get(0);
        AgentCounters counters = agent.counters();
        long now = nanoTime.getAsLong();
        if (progress == Progress.SAME_LINE) {
            out.println("\r" + line(counters, now));
        } else if (progress == Progress.LINES) {
            out.println(line(counters, now));
        }
        String outcome = agent.sourceFailure().map(failure -> "FAILED (" + failure.getMessage() + ")")
                .orElse(agent.sourceFinished() && counters.pending() == 0 ? "complete" : "INTERRUPTED");
        summary(agent.deviceId(), counters, agent.rejectionReasons(), outcome, now);
    }

    private String line(AgentCounters counters, long now) {
        return ProgressLine.render(done(counters), total, counters.acked() + counters.rejected(),
                Duration.ofNanos(now - startNanos));
    }

    private static long done(AgentCounters c) {
        return c.skipped() + c.produced() - c.pending();
    }

    private void summary(String deviceId, AgentCounters c, Map<String, Long> reasons, String outcome, long now) {
        Duration elapsed = Duration.ofNanos(now - startNanos);
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
        out.printf(Locale.ROOT, "%s -> %s over %s (%s): %s after %s, %.0f intervals/s%n", replayed, deviceId,
                transport.type(), transport.uri(), outcome,
                ProgressLine.clock(elapsed), (c.acked() + c.rejected()) / seconds);
        row("intervals in the file", total, "");
        row("taken before", c.skipped(), "by an earlier run on this outbox");
        row("produced", c.produced(), "stored in the outbox by this run");
        row("sent", c.sent(), "attempts, resends included");
        row("acknowledged", c.acked(), "stored, or recognised as stored before");
        row("rejected", c.rejected(), transport.type() == TransportSettings.Kind.MQTT
                ? "MQTT cannot say 'refused': the service's dead letters list what it refused" : "");
        reasons.forEach((reason, count) -> out.printf(Locale.ROOT, "    %-22s %8d%n", reason, count));
        row("pending", c.pending(), c.pending() > 0 ? "still in the outbox: run the same command again to resume" : "");
        row("dropped", c.dropped(), c.dropped() > 0 ? "lost to the outbox's overflow policy" : "");
        row("last seq", c.lastSeq(), "");
    }

    private void row(String name, long value, String note) {
        out.printf(Locale.ROOT, "  %-24s %8d%s%n", name, value, note.isEmpty() ? "" : "  (" + note + ")");
    }
}
