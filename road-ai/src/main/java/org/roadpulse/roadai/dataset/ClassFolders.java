package org.roadpulse.roadai.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a folder of class folders ({@code root/crack/*.jpg, root/pothole/*.jpg, ...}): each sub-folder is a class.
 * Every regular, non-hidden file is listed; whether it is an image is decided when it is decoded.
 */
public final class ClassFolders {
    private ClassFolders() {
    }

    public static DatasetIndex scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException("data folder " + root + " does not exist or is not a folder");
        }
        List<Path> classFolders = list(root).filter(Files::isDirectory).filter(p -> !isHidden(p)).sorted().toList();
        if (classFolders.isEmpty()) {
            throw new DatasetException("data folder " + root + " has no class folders (expected e.g. "
                    + root.resolve("crack") + "/)");
        }
        List<String> classes = new ArrayList<>();
        List<LabelledFile> files = new ArrayList<>();
        for (Path folder : classFolders) {
            String label = folder.getFileName().toString();
            List<Path> members = list(folder).filter(Files::isRegularFile).filter(p -> !isHidden(p)).sorted().toList();
            if (members.isEmpty()) {
                throw new DatasetException("class folder " + folder + " is empty");
            }
            classes.add(label);
            members.forEach(file -> files.add(new LabelledFile(file, label)));
        }
        return new DatasetIndex(root.toString(), classes, files);
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static Stream<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
