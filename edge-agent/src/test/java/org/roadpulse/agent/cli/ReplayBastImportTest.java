package org.roadpulse.agent.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.outbox.Outbox;
import org.roadpulse.agent.outbox.OutboxState;
import org.roadpulse.agent.support.Await;
import org.roadpulse.agent.support.TestHttpService;
import org.roadpulse.agent.support.TestHttpService.Answer;
import org.roadpulse.agent.support.TrafficData;
import org.roadpulse.protocol.CountInterval;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history import: {@code replay-bast FILE --speed 0} over the HTTP intake, with progress, summary and resume.
 * Against a stand-in HTTP intake; the real service's import of the year is ingest-service's BastYearImportTest.
 */
class ReplayBastImportTest {

    private static final String DEVICE = "import-test-001";
    private static final int HOURS_2021 = 8759;   // 8,760 rows less the spring DST gap hour

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private TestHttpService service;

    @BeforeEach
    void captureOutput() throws Exception {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        service = TestHttpService.start(DEVICE);
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        service.close();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private int importFile(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("replay-bast", file.toString(), "--device", DEVICE,
                "--secret", "s", "--uri", service.uri(), "--outbox", dir.resolve("outbox").toString(),
                "--speed", "0"));
        args.addAll(List.of(more));
        return AgentCommand.execute(args.toArray(String[]::new));
    }

    @Test
    @Tag("slow")
    void importsTheWholeYearWithAProgressBarAndWaitsForRoomInsteadOfDropping() throws Exception {
        // GIVEN the BASt year and an outbox that holds only 100 intervals
        Path file = TrafficData.bastZst5651();
        // WHEN it is imported as fast as possible with the progress bar on
        int exit = importFile(file, "--max-records", "100", "--progress");
        // THEN every hour arrived once, under one seq: the replay waited for room instead of dropping its start
        assertThat(exit).isZero();
        assertThat(seqsByStart()).hasSize(HOURS_2021).allSatisfy((start, seqs) -> assertThat(seqs).hasSize(1));
        // AND the bar was redrawn in place and ended full, followed by the summary
        assertThat(output()).contains("\r[").contains("] 8759/8759  100%");
        assertThat(output()).contains("zst5651_2021.csv -> " + DEVICE + " over HTTP").contains(": complete after")
                .containsPattern("intervals in the file +8759").containsPattern("acknowledged +8759")
                .containsPattern("rejected +0").containsPattern("pending +0").containsPattern("dropped +0");
    }

    @Test
    void theSummaryListsRejectedIntervalsByReason() throws Exception {
        // GIVEN two days of the file and a service that refuses every tenth seq as implausible
        Path file = firstHours(48);
        service.answer(interval -> interval.seq() % 10 == 0 ? Answer.refused(400, "count.implausible")
                : Answer.STORED);
        // WHEN they are imported, the output not being a terminal
        int exit = importFile(file);
        // THEN the summary counts 4 rejected, all under their reason, and 44 acknowledged
        assertThat(exit).isZero();
        assertThat(output()).containsPattern("acknowledged +44").containsPattern("rejected +4")
                .containsPattern("count.implausible +4");
        // AND progress came as plain lines (no carriage returns for a log file), the last one full
        assertThat(output()).doesNotContain("\r").contains("] 48/48  100%");
    }

    @Test
    @Tag("slow")
    void anInterruptedImportResumesAfterTheNewestIntervalItsOutboxTookAndSendsEveryHourOnce() throws Exception {
        // GIVEN an import in a process of its own, against a service that takes 5 ms per interval
        Path file = TrafficData.bastZst5651();
        service.delayEachCount(5);
        Path log = dir.resolve("first-run.txt");
        Process first = startImportProcess(file, log);
        // WHEN it is interrupted (SIGTERM, as Ctrl-C) part-way
        Await.until(Duration.ofSeconds(60), () -> service.countsReceived() >= 1500);
        first.destroy();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // THEN it said so in its summary, and its outbox stopped short of the year
        assertThat(Files.readString(log)).contains(": INTERRUPTED after").containsPattern("pending +\\d+");
        OutboxState interrupted = Outbox.inspect(dir.resolve("outbox"));
        assertThat(interrupted.lastSeq()).isBetween(1500L, HOURS_2021 - 1L);

        // WHEN the same command runs again
        service.delayEachCount(0);
        int exit = importFile(file, "--no-progress");
        // THEN it completes, passing over what the first run had taken
        assertThat(exit).isZero();
        assertThat(output()).contains(": complete after").containsPattern("taken before +" + interrupted.lastSeq())
                .containsPattern("last seq +8759");
        // AND every hour of the year reached the service under exactly one seq, and seqs 1..8759 cover it:
        // intervals in flight at the interrupt were sent again under their seq (the service keeps them once)
        Map<Instant, Set<Long>> seqsByStart = seqsByStart();
        assertThat(seqsByStart).hasSize(HOURS_2021).allSatisfy((start, seqs) -> assertThat(seqs).hasSize(1));
        assertThat(seqsByStart.values().stream().flatMap(Set::stream).distinct()).hasSize(HOURS_2021);
    }

    private Map<Instant, Set<Long>> seqsByStart() {
        return service.counts().stream().map(TestHttpService.Received::interval)
                .collect(Collectors.groupingBy(CountInterval::start,
                        Collectors.mapping(CountInterval::seq, Collectors.toSet())));
    }

    /** The header and the first {@code hours} rows of the BASt year, as a file of their own. */
    private Path firstHours(int hours) throws Exception {
        List<String> lines = Files.readAllLines(TrafficData.bastZst5651(), StandardCharsets.ISO_8859_1);
        return Files.write(dir.resolve("first-hours.csv"), lines.subList(0, hours + 1), StandardCharsets.ISO_8859_1);
    }

    private Process startImportProcess(Path file, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AgentCommand.class.getName(),
                "replay-bast", file.toString(), "--device", DEVICE, "--secret", "s", "--uri", service.uri(),
                "--outbox", dir.resolve("outbox").toString(), "--speed", "0", "--max-records", "200",
                "--no-progress")
                .redirectOutput(log.toFile())
                .redirectError(dir.resolve("first-run-log.txt").toFile())
                .start();
    }
}
