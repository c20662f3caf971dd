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

    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private AgentRunner() {
    }

    /**
     * @param untilDone return once every source has finished and every outbox is empty
     * @return the exit code
     */
    static int run(List<Agent> agents, boolean untilDone, PrintStream out) throws IOException, InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            agents.parallelStream().forEach(Agent::close);
            stopped.countDown();
        }, "agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        for (Agent agent : agents) {
            agent.start();
        }
        long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
        while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
            if (untilDone && agents.stream().allMatch(AgentRunner::done)) {
                break;
            }
            if (System.nanoTime() - nextReport >= 0) {
                agents.forEach(agent -> report(agent, out));
                nextReport += REPORT_EVERY.toNanos();
            }
        }
        boolean failed = agents.stream().anyMatch(agent -> agent.sourceFailure().isPresent());
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            agents.forEach(Agent::close);
        } catch (IllegalStateException shuttingDown) {
            stopped.await(10, TimeUnit.SECONDS);
        }
        agents.forEach(agent -> report(agent, out));
        return failed ? 1 : 0;
    }

    private static boolean done(Agent agent) {
        return agent.sourceFinished() && agent.pendingCount() == 0;
    }

    private static void report(Agent agent, PrintStream out) {
        AgentCounters c = agent.counters();
        out.printf("%s: produced %d, acked %d, rejected %d, retried %d, dropped %d, pending %d, last seq %d%n",
                agent.deviceId(), c.produced(), c.acked(), c.rejected(), c.retried(), c.dropped(), c.pending(),
                c.lastSeq());
    }
}
