package org.roadpulse.roadai.cli;

import java.nio.file.Path;
import org.roadpulse.roadai.dataset.LoadedDataset;

/** Console lines shared by the commands that load labelled data. */
final class DataOptions {
    private DataOptions() {
    }

    static String describe(Path source, LoadedDataset data) {
        StringBuilder text = new StringBuilder(source + ": " + data.size() + " images");
        int[] counts = data.countsPerClass();
        for (int c = 0; c < counts.length; c++) {
            text.append(c == 0 ? " (" : ", ").append(data.classes().get(c)).append(' ').append(counts[c]);
        }
        text.append(')');
        if (!data.skipped().isEmpty()) {
            text.append("; skipped ").append(data.skipped().size()).append(" unreadable files");
        }
        return text.toString();
    }

    /** The images' source and licence as both train and calibrate add it to a model's data description. */
    static String attribution(String dataNote) {
        return dataNote.isBlank() ? "" : "; data: " + dataNote;
    }
}
