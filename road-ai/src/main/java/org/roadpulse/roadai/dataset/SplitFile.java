package org.roadpulse.roadai.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads a split file as shipped with the road-damage data: one {@code <path>\t<class>} per line, the path relative
 * to the data folder, i.e. the parent of the {@code splits/} folder the file sits in.
 */
public final class SplitFile {
    private SplitFile() {
    }

    public static DatasetIndex read(Path splitFile) {
        Path absolute = splitFile.toAbsolutePath();
        Path parent = absolute.getParent();
        Path root = parent.getFileName().toString().equals("splits") ? parent.getParent() : parent;
        List<String> lines;
        try {
            lines = Files.readAllLines(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read split file " + splitFile, e);
        }
        List<LabelledFile> files = new ArrayList<>();
        TreeSet<String> classes = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 2 || fields[1].isBlank()) {
                throw new DatasetException(splitFile + " line " + (i + 1) + ": expected '<path>\\t<class>', got '" + line + "'");
            }
            files.add(new LabelledFile(root.resolve(fields[0]), fields[1].strip()));
            classes.add(fields[1].strip());
        }
        if (files.isEmpty()) {
            throw new DatasetException("split file " + splitFile + " lists no files");
        }
        return new DatasetIndex(splitFile.toString(), List.copyOf(classes), files);
    }

    /** A path ending in .txt is a split file, anything else a folder of class folders. */
    public static DatasetIndex readAny(Path source) {
        return source.getFileName().toString().endsWith(".txt") ? read(source) : ClassFolders.scan(source);
    }
}
