package org.roadpulse.agent.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that an outbox survives {@code kill -9} of the process writing it, twice in a row. */
class OutboxKillTest {

    @TempDir
    Path dir;

    private record Run(Set<Long> produced, Set<Long> acked) {
    }

    @Test
    void everyProducedIntervalSurvivesKillDashNine() throws Exception {
        // GIVEN a process that stores intervals and is killed (SIGKILL) mid-stream
        Run first = runAndKill(150);
        // WHEN the outbox is opened afterwards
        long lastSeqAfterFirst;
        try (Outbox outbox = Outbox.open(dir)) {
            Set<Long> pending = new HashSet<>();
            outbox.pending().forEach(record -> pending.add(record.seq()));
            // THEN every interval whose append had returned is there, unless it was acknowledged (every third is,
            // right after its append; the last one may have been acknowledged after we stopped reading)
            Set<Long> expected = new HashSet<>(first.produced());
            expected.removeIf(seq -> seq % 3 == 0);
            assertThat(pending).containsAll(expected).doesNotContainAnyElementsOf(first.acked());
            assertThat(outbox.lastSeq()).isGreaterThanOrEqualTo(first.produced().stream().max(Long::compare).orElseThrow());
            lastSeqAfterFirst = outbox.lastSeq();
        }
        // AND a second killed run continues the seq where the first ended
        Run second = runAndKill(50);
        assertThat(second.produced().stream().min(Long::compare).orElseThrow()).isEqualTo(lastSeqAfterFirst + 1);
        try (Outbox outbox = Outbox.open(dir)) {
            assertThat(outbox.lastSeq()).isGreaterThanOrEqualTo(second.produced().stream().max(Long::compare).orElseThrow());
        }
    }

    private Run runAndKill(int afterProduced) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OutboxWriterProcess.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<Long> produced = new HashSet<>();
        Set<Long> acked = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && produced.size() < afterProduced; line = out.readLine()) {
                String[] parts = line.split(" ");
                switch (parts[0]) {
                    case "P" -> produced.add(Long.parseLong(parts[1]));
                    case "A" -> acked.add(Long.parseLong(parts[1]));
                    default -> { }
                }
            }
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(produced).hasSizeGreaterThanOrEqualTo(afterProduced);
        return new Run(produced, acked);
    }
}
