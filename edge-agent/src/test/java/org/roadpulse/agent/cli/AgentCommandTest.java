package org.roadpulse.agent.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.outbox.Outbox;
import org.roadpulse.agent.support.TestCoapService;
import org.roadpulse.agent.support.TrafficData;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AgentCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outboxShowsPendingAndLastSeq() throws Exception {
        // GIVEN an outbox with three intervals, one acknowledged
        try (Outbox outbox = Outbox.open(dir)) {
            for (int i = 0; i < 3; i++) {
                outbox.append(seq -> new byte[]{1, 2, 3});
            }
            outbox.ack(1);
        }
        // WHEN it is inspected from the command line
        int exit = AgentCommand.execute("outbox", "--dir", dir.toString());
        // THEN it shows two pending, last seq 3, oldest 2
        assertThat(exit).isZero();
        assertThat(output()).containsPattern("pending +2").containsPattern("last seq +3").containsPattern("oldest +2");
    }

    @Test
    void replayRadarSendsEveryCompleteIntervalAndExits() throws Exception {
        // GIVEN a CoAP service and the Moers recording
        Path file = TrafficData.moersRadar();
        try (TestCoapService service = TestCoapService.plain("moers-cli-test")) {
            // WHEN it is replayed as fast as possible in 15-minute intervals
            int exit = AgentCommand.execute("replay-radar", file.toString(), "--device", "moers-cli-test",
                    "--secret", "s", "--uri", service.uri(), "--outbox", dir.resolve("outbox").toString(),
                    "--speed", "0", "--interval", "900");
            // THEN the command exits 0 after all 187 complete quarter hours were acknowledged
            assertThat(exit).isZero();
            assertThat(service.seqs()).hasSize(187);
            assertThat(output()).contains("moers-cli-test: produced 187, acked 187, rejected 0");
        }
    }

    @Test
    void runRefusesInvalidSettingsWithTheReason() throws Exception {
        Path config = dir.resolve("agent.yml");
        java.nio.file.Files.writeString(config, "device: {id: x}\n");
        int exit = AgentCommand.execute("run", "--config", config.toString());
        assertThat(exit).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("device.id must match");
    }

    @Test
    void runRefusesACameraLineOrLaneOutsideTheFrameAtStartNamingTheSetting() throws Exception {
        // GIVEN a camera whose counting line lies below the frame and whose lane reaches past the line's end
        Path config = dir.resolve("camera.yml");
        java.nio.file.Files.writeString(config, """
                device: {id: tholey-cam-2, secret: s}
                source:
                  type: camera
                  camera:
                    url: rtsp://camera.local/stream
                    line: 0.1,0.5-1.3,0.5
                    lanes: [{direction: forward, lane: 1, from: 0.5, to: 1.2}]
                outbox: {dir: '%s'}
                """.formatted(dir.resolve("outbox")));
        // WHEN the agent is started with it
        int exit = AgentCommand.execute("run", "--config", config.toString());
        // THEN it does not start, and says which setting is wrong and why
        assertThat(exit).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("source.camera.line").contains("1.3 lies outside the frame");
        assertThat(dir.resolve("outbox")).doesNotExist();
    }

    @Test
    void runRefusesALaneOutsideTheLineNamingTheSetting() throws Exception {
        Path config = dir.resolve("camera.yml");
        java.nio.file.Files.writeString(config, """
                device: {id: tholey-cam-2, secret: s}
                source:
                  type: camera
                  camera:
                    url: rtsp://camera.local/stream
                    line: y=0.5
                    lanes: [{direction: forward, lane: 1, from: 0.5, to: 1.2}]
                """);
        int exit = AgentCommand.execute("run", "--config", config.toString());
        assertThat(exit).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("source.camera.lanes").contains("within the line");
    }

    @Test
    void helpListsTheCommands() {
        int exit = AgentCommand.execute("--help");
        assertThat(exit).isZero();
        assertThat(output()).contains("run", "replay-radar", "replay-bast", "simulate", "outbox");
    }

    @Test
    void drawSetupWritesTheConfiguredLinesOnACameraFrame() throws Exception {
        // GIVEN a camera configuration on the shared overpass clip
        Path clip = org.roadpulse.protocol.testing.SharedData.require("video/bgslibrary_dataset_video03.avi");
        Path config = dir.resolve("camera.yml");
        java.nio.file.Files.writeString(config, """
                device: {id: tholey-cam-1, secret: s}
                source:
                  type: camera
                  camera: {url: '%s', line: 'y=0.5', speedLine: 'y=0.65', speedLineMetres: 6}
                """.formatted(clip));
        // WHEN the installer asks for the drawing
        Path png = dir.resolve("setup.png");
        int exit = AgentCommand.execute("draw-setup", "-c", config.toString(), "--out", png.toString());
        // THEN a PNG of the processed frame size is written, with the counting line's yellow on its row
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(320);
        java.awt.Color onLine = new java.awt.Color(image.getRGB(10, 120));
        assertThat(onLine.getRed()).isGreaterThan(200);
        assertThat(onLine.getBlue()).isLessThan(80);
    }

    @Test
    void drawSetupRefusesAConfigurationWithoutCamera() throws Exception {
        Path config = dir.resolve("radar.yml");
        java.nio.file.Files.writeString(config, "device: {id: a-1, secret: s}\nsource: {type: simulate}\n");
        int exit = AgentCommand.execute("draw-setup", "-c", config.toString(), "--out", dir.resolve("x.png").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no camera source");
    }
}
