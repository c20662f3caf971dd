package org.roadpulse.agent.cli;

import org.roadpulse.agent.Agent;
import org.roadpulse.agent.AgentCounters;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs agents in the foreground until they are done (replays) or the process is told to stop (Ctrl-C, SIGTERM). */
final class AgentRunner {

    /** What a run shows while it goes and when it ends. */
    interface RunReport {

        /** About five times a second while the agents run. */
        void during(List<Agent> agents);

        /** Once, after the agents were closed: also after Ctrl-C, before the process exits. */
        void end(List<Agent> agents);
    }

    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);
    /** How long a Ctrl-C waits for the final report before the JVM halts. */
    private static final Duration FINAL_REPORT_GRACE = Duration.ofSeconds(5);

    private AgentRunner() {
    }

    /**
     * Runs with a line of counters per agent every 30 s and at the end.
     *
     * @param untilDone return once every source has finished and every outbox is empty
     * @return the exit code
     */
    static int run(List<Agent> agents, boolean untilDone, PrintStream out) throws IOException, InterruptedException {
        return run(agents, untilDone, new CounterLines(out));
    }

    static int run(List<Agent> agents, boolean untilDone, RunReport report) throws IOException, InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            agents.parallelStream().forEach(Agent::close);
            stopped.countDown();
            // The JVM halts when the hooks are done: give the main thread the moment it needs for the final report.
            try {
                reported.await(FINAL_REPORT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (Agent agent : agents) {
                agent.start();
            }
            while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
                if (untilDone && agents.stream().allMatch(AgentRunner::done)) {
                    break;
                }
                report.during(agents);
            }
            boolean failed = agents.stream().anyMatch(agent -> agent.sourceFailure().isPresent());
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                agents.forEach(Agent::close);
            } catch (IllegalStateException shuttingDown) {
                stopped.await(10, TimeUnit.SECONDS);
            }
            report.end(agents);
            return failed ? 1 : 0;
        } finally {
            reported.countDown();
        }
    }

    private static boolean done(Agent agent) {
        return agent.sourceFinished() && agent.pendingCount() == 0;
    }

    /** One line of counters per agent every 30 s and at the end: for long runs whose output goes to a log. */
    static final class CounterLines implements RunReport {

        private final PrintStream out;
        private long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();

        CounterLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void during(List<Agent> agents) {
            if (System.nanoTime() - nextReport >= 0) {
                agents.forEach(this::print);
                nextReport += REPORT_EVERY.toNanos();
            }
        }

        @Override
        public void end(List<Agent> agents) {
            agents.forEach(this::print);
        }

        private void print(Agent agent) {
            AgentCounters c = agent.counters();
            out.printf("%s: produced %d, acked %d, rejected %d, retried %d, dropped %d, pending %d, last seq %d%n",
                    agent.deviceId(), c.produced(), c.acked(), c.rejected(), c.retried(), c.dropped(), c.pending(),
                    c.lastSeq());
        }
    }
}
