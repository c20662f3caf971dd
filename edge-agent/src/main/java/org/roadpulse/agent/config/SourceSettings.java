package org.roadpulse.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the agent's traffic comes from.
 *
 * @param type       radar (Moers per-vehicle records), bast (BASt hourly counts), camera or simulate (default)
 * @param file       the file to replay, for radar and bast
 * @param speed      time compression: 60 replays an hour per minute; 1 is real time (default); 0 as fast as possible.
 *                   Nothing is ever released before its time has come in real time.
 * @param simulation the simulated site, for simulate
 * @param camera     the camera and its counting set-up, for camera
 */
public record SourceSettings(Kind type, Path file, Double speed, SimulationSettings simulation, CameraSettings camera) {

    public enum Kind { RADAR, BAST, SIMULATE, CAMERA }

    public SourceSettings {
        type = type == null ? Kind.SIMULATE : type;
        speed = speed == null ? 1.0 : speed;
        simulation = simulation == null ? SimulationSettings.defaults() : simulation;
    }

    public static SourceSettings radar(Path file, double speed) {
        return new SourceSettings(Kind.RADAR, file, speed, null, null);
    }

    public static SourceSettings bast(Path file, double speed) {
        return new SourceSettings(Kind.BAST, file, speed, null, null);
    }

    public static SourceSettings simulate(SimulationSettings simulation, double speed) {
        return new SourceSettings(Kind.SIMULATE, null, speed, simulation, null);
    }

    public static SourceSettings camera(CameraSettings camera, double speed) {
        return new SourceSettings(Kind.CAMERA, null, speed, null, camera);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (speed < 0 || speed.isNaN() || speed.isInfinite()) {
            problems.add("source.speed must be 0 (as fast as possible) or positive");
        }
        if (type == Kind.CAMERA) {
            if (camera == null) {
                problems.add("source.camera is needed for a camera source");
            } else {
                problems.addAll(camera.problems());
            }
        } else if (type != Kind.SIMULATE) {
            if (file == null) {
                problems.add("source.file is needed for a " + type.name().toLowerCase() + " replay");
            } else if (!Files.isReadable(file)) {
                problems.add("source.file " + file + " cannot be read");
            }
        } else {
            problems.addAll(simulation.problems());
        }
        return problems;
    }
}
