package org.roadpulse.roadai.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.images.OpenCvImageReader;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.images.UnreadableImageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes every file of an index at the given size. Files that are not readable images are logged, counted and left
 * out (one bad file must not stop a long training run); a class that ends up with no image at all is an error.
 */
public final class DatasetLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);
    private final OpenCvImageReader reader = new OpenCvImageReader();

    /**
     * @param classes the class order to use (a trained model's, or the index's own); labels not in it are an error
     */
    public LoadedDataset load(DatasetIndex index, List<String> classes, ImageSize size) {
        List<PatchPixels> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<LoadedDataset.SkippedFile> skipped = new ArrayList<>();
        for (LabelledFile file : index.files()) {
            int label = classes.indexOf(file.label());
            if (label < 0) {
                throw new DatasetException("class '" + file.label() + "' of " + file.file()
                        + " is not one of the model's classes " + classes);
            }
            try {
                images.add(reader.read(file.file(), size));
                labels.add(label);
            } catch (UnreadableImageException | IOException e) {
                LOG.warn("skipping {}: {}", file.file(), e.getMessage());
                skipped.add(new LoadedDataset.SkippedFile(file.file().toString(), e.getMessage()));
            }
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        LoadedDataset loaded = new LoadedDataset(index.source(), classes, images, labelArray, skipped);
        requireEveryIndexedClass(index, loaded);
        if (!skipped.isEmpty()) {
            LOG.warn("{}: skipped {} of {} files that are not readable images", index.source(), skipped.size(),
                    index.files().size());
        }
        return loaded;
    }

    public LoadedDataset load(DatasetIndex index, ImageSize size) {
        return load(index, index.classes(), size);
    }

    private static void requireEveryIndexedClass(DatasetIndex index, LoadedDataset loaded) {
        int[] counts = loaded.countsPerClass();
        for (String label : index.classes()) {
            if (counts[loaded.classes().indexOf(label)] == 0) {
                Path folder = index.files().stream().filter(f -> f.label().equals(label)).findFirst()
                        .map(f -> f.file().getParent()).orElse(Path.of(label));
                throw new DatasetException("class folder " + folder + " has no readable image");
            }
        }
    }
}
