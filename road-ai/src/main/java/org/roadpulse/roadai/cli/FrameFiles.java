package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Frame files from the command line: files as given, folders searched recursively. Mask files beside the frames
 * ({@code <frame>_CRACK.png}, {@code _POTHOLE.png}, {@code _LANE.png}, the shared data's naming) are not frames, nor are the map command's own outputs.
 */
final class FrameFiles {
    private static final List<String> MASKS = List.of("_CRACK", "_POTHOLE", "_LANE");
    private static final String RAW = "_RAW";

    private FrameFiles() {
    }

    static List<Path> list(List<Path> inputs) throws IOException {
        List<Path> frames = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(FrameFiles::isFrame).sorted().forEach(frames::add);
                }
            } else if (Files.isRegularFile(input)) {
                frames.add(input);
            } else {
                throw new IOException("no such file or folder: " + input);
            }
        }
        return frames;
    }

    static boolean isFrame(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && MASKS.stream().noneMatch(m -> stem(file).endsWith(m))
                && !stem(file).endsWith(MapCommand.OVERLAY_SUFFIX) && !name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** The frame's name without extension and without a trailing {@code _RAW}. */
    static String name(Path frame) {
        String stem = stem(frame);
        return stem.endsWith(RAW) ? stem.substring(0, stem.length() - RAW.length()) : stem;
    }

    /** The mask {@code <name>_<KIND>.png} beside the frame, when it exists. */
    static Optional<Path> mask(Path frame, String kind) {
        Path mask = frame.resolveSibling(name(frame) + "_" + kind + ".png");
        return Files.isRegularFile(mask) ? Optional.of(mask) : Optional.empty();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
