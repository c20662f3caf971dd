package org.roadpulse.roadai.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.roadpulse.roadai.images.OpenCvImageReader;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.images.UnreadableImageException;
import org.roadpulse.roadai.model.DamageClassifier;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import org.roadpulse.roadai.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify image files (folders are searched recursively): class and probabilities as JSON or CSV.")
final class PredictCommand implements Callable<Integer> {
    enum Format { json, csv }

    private static final int BATCH = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "Model file (.zip) written by train; default the shipped road-ai/models/road-damage.zip.")
    Path modelFile;

    @Option(names = "--format", defaultValue = "json", description = "json or csv (default ${DEFAULT-VALUE}).")
    Format format;

    @Parameters(arity = "1..*", description = "Image files or folders.")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Dl4jDamageClassifier classifier = ModelFile.load(ModelChoice.resolve(modelFile));
        OpenCvImageReader reader = new OpenCvImageReader();
        List<Path> readable = new ArrayList<>();
        List<PatchPixels> patches = new ArrayList<>();
        int skipped = 0;
        for (Path file : files()) {
            try {
                patches.add(reader.read(file, classifier.inputSize()));
                readable.add(file);
            } catch (UnreadableImageException e) {
                spec.commandLine().getErr().println("skipping " + file + ": " + e.getMessage());
                skipped++;
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int start = 0; start < patches.size(); start += BATCH) {
            int end = Math.min(patches.size(), start + BATCH);
            float[][] probabilities = classifier.probabilities(patches.subList(start, end));
            for (int i = start; i < end; i++) {
                rows.add(row(readable.get(i), classifier, probabilities[i - start]));
            }
        }
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else {
            writeCsv(out, classifier.classes(), rows);
        }
        out.flush();
        if (skipped > 0) {
            spec.commandLine().getErr().println("skipped " + skipped + " unreadable files");
        }
        return 0;
    }

    private static Map<String, Object> row(Path file, DamageClassifier classifier, float[] probabilities) {
        List<String> classes = classifier.classes();
        Map<String, Object> byClass = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            byClass.put(classes.get(c), Math.round(probabilities[c] * 1e4) / 1e4);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", file.toString());
        row.put("class", classes.get(classifier.decide(probabilities)));
        row.put("probabilities", byClass);
        return row;
    }

    private static void writeCsv(PrintWriter out, List<String> classes, List<Map<String, Object>> rows) {
        out.println("file,class," + String.join(",", classes.stream().map(c -> "p_" + c).toList()));
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> probabilities = (Map<String, Object>) row.get("probabilities");
            StringBuilder line = new StringBuilder(csvField(row.get("file").toString())).append(',').append(row.get("class"));
            classes.forEach(c -> line.append(',').append(String.format(Locale.ROOT, "%.4f", (Double) probabilities.get(c))));
            out.println(line);
        }
    }

    /** Quotes a field when it holds a comma, quote or line break (RFC 4180). */
    static String csvField(String value) {
        return value.matches("(?s).*[\",\r\n].*") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new IOException("no such file or folder: " + input);
            }
        }
        return files;
    }
}
