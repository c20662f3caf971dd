package org.roadpulse.agent.cli;

import org.bytedeco.opencv.opencv_core.Mat;
import org.roadpulse.agent.camera.CameraVehicleSource;
import org.roadpulse.agent.camera.FfmpegFrames;
import org.roadpulse.agent.camera.SetupDrawing;
import org.roadpulse.agent.camera.VideoCounter;
import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.CameraSettings;
import org.roadpulse.agent.config.SettingsFiles;
import org.roadpulse.agent.config.SourceSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "draw-setup", mixinStandardHelpOptions = true,
        description = "For the installer: writes a PNG of one camera frame with the configured counting line, its "
                + "band, the speed line and the lanes drawn on it.")
final class DrawSetupCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, description = "The agent's YAML configuration (camera source)")
    Path config;

    @Option(names = "--out", required = true, description = "PNG to write")
    Path out;

    @Option(names = "--frame", defaultValue = "0", description = "Which frame to draw on (default ${DEFAULT-VALUE})")
    int frameNumber;

    @Override
    public Integer call() throws Exception {
        AgentSettings settings = SettingsFiles.readAgent(config);
        CameraSettings camera = settings.source().camera();
        if (settings.source().type() != SourceSettings.Kind.CAMERA || camera == null) {
            System.err.println(config + " has no camera source (source.type: camera)");
            return 2;
        }
        CameraVehicleSource.Setup setup;
        try {
            setup = camera.setup();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try (FfmpegFrames frames = new FfmpegFrames(camera.url(), camera.format() == null || camera.format().isBlank()
                ? null : camera.format(), VideoCounter.Settings.defaults().maxWidth())) {
            Mat frame = frames.next();
            while (frame != null && frames.index() < frameNumber) {
                frame = frames.next();
            }
            if (frame == null) {
                System.err.println("the camera delivered no frame " + frameNumber);
                return 1;
            }
            SetupDrawing.write(frame, setup, out);
        }
        System.out.println("wrote " + out);
        return 0;
    }
}
