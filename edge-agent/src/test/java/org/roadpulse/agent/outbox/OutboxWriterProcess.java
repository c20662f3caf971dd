package org.roadpulse.agent.outbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A process for {@link OutboxKillTest}: appends intervals (acknowledging every third) and reports each step on stdout
 * only after it returned, until it is killed. Bounded, in case nobody kills it.
 */
public final class OutboxWriterProcess {

    public static void main(String[] args) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        try (Outbox outbox = Outbox.open(Path.of(args[0]))) {
            System.out.println("OPEN " + outbox.lastSeq());
            System.out.flush();
            for (int i = 0; i < 100_000 && System.nanoTime() < deadline; i++) {
                long seq = outbox.append(s -> ("interval " + s).getBytes(StandardCharsets.UTF_8));
                System.out.println("P " + seq);
                if (seq % 3 == 0) {
                    outbox.ack(seq);
                    System.out.println("A " + seq);
                }
                System.out.flush();
            }
        }
    }
}
