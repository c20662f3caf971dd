package org.roadpulse.roadai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.roadpulse.roadai.images.UnreadableImageException;
import org.roadpulse.roadai.mapping.OpenCvFrame;
import org.roadpulse.roadai.mapping.RegionOutsideFrameException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The frames a frame command works through, one at a time with a progress bar: a frame that cannot be read, that
 * the road region misses, or that lacks what the command needs is skipped with a line saying why, and counted.
 */
final class FrameInputs {

    /** Thrown by a command's work to skip a frame, e.g. one without its masks. */
    static final class Skip extends Exception {
        Skip(String why) {
            super(why);
        }
    }

    interface Work {
        void on(Path file, OpenCvFrame frame) throws IOException, Skip, UnreadableImageException;
    }

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Parameters(arity = "1..*", description = "Frame files or folders (searched recursively; mask files are skipped).")
    List<Path> inputs;

    /** Does the work on every frame; returns how many frames were skipped. */
    int forEach(PrintWriter err, Work work) throws IOException {
        List<Path> frames = FrameFiles.list(inputs);
        ProgressBar progress = new ProgressBar(System.err, System::nanoTime, 1);
        int skipped = 0;
        for (int i = 0; i < frames.size(); i++) {
            Path file = frames.get(i);
            try (OpenCvFrame frame = OpenCvFrame.read(file)) {
                work.on(file, frame);
            } catch (UnreadableImageException | RegionOutsideFrameException | Skip e) {
                err.println("skipping " + file + ": " + e.getMessage());
                skipped++;
            }
            if (!noProgress) {
                progress.updateItems("frames", i + 1, frames.size());
            }
        }
        if (!noProgress) {
            progress.finishLine();
        }
        return skipped;
    }

    /** The mask {@code <name>_<KIND>.png} beside the frame, or a {@link Skip} naming it. */
    static Path mask(Path frame, String kind) throws Skip {
        return FrameFiles.mask(frame, kind).orElseThrow(() -> new Skip("no " + FrameFiles.name(frame) + "_" + kind
                + ".png beside it"));
    }
}
