package org.roadpulse.roadai.dataset;

import java.nio.file.Path;

/** An image file and the class it is labelled with. */
public record LabelledFile(Path file, String label) {
}
