package org.roadpulse.roadai.dataset;

import java.util.List;

/**
 * Which files belong to which class, before any image is decoded.
 *
 * @param source  where the index came from (a folder or a split file), for messages and the model's data description
 * @param classes class names in a fixed (sorted) order
 */
public record DatasetIndex(String source, List<String> classes, List<LabelledFile> files) {
    public DatasetIndex {
        classes = List.copyOf(classes);
        files = List.copyOf(files);
    }
}
