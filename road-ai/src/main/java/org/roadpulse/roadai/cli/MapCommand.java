package org.roadpulse.roadai.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.roadpulse.roadai.mapping.DamageMap;
import org.roadpulse.roadai.mapping.DamageMapper;
import org.roadpulse.roadai.mapping.OpenCvOverlay;
import org.roadpulse.roadai.model.Dl4jDamageClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Map damage on whole vehicle-camera frames: per frame <name>.json (tiles with class, confidence, "
                + "probabilities and crack sub-type; damaged area per class) and <name>" + MapCommand.OVERLAY_SUFFIX
                + ".png (coloured tiles over the frame).")
final class MapCommand implements Callable<Integer> {
    static final String OVERLAY_SUFFIX = "-overlay";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    MappingOptions options;

    @Option(names = "--out", required = true, description = "Folder for the JSON maps and overlay PNGs.")
    Path outFolder;

    @Option(names = "--no-overlay", description = "Write only the JSON maps.")
    boolean noOverlay;

    @Mixin
    FrameInputs frames;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dl4jDamageClassifier classifier = options.loadModel();
        DamageMapper mapper = options.mapper(classifier);
        Files.createDirectories(outFolder);
        int[] mapped = {0};
        int skipped = frames.forEach(err, (file, frame) -> {
            DamageMap map = mapper.map(frame);
            String name = FrameFiles.name(file);
            JSON.writeValue(outFolder.resolve(name + ".json").toFile(), document(file, map));
            if (!noOverlay) {
                OpenCvOverlay.write(frame, map, outFolder.resolve(name + OVERLAY_SUFFIX + ".png"));
            }
            out.println(summary(name, map));
            mapped[0]++;
        });
        out.printf(Locale.ROOT, "mapped %d frames into %s%s%n", mapped[0], outFolder,
                skipped > 0 ? "; skipped " + skipped + " unreadable files or frames the region misses" : "");
        return 0;
    }

    private Map<String, Object> document(Path file, DamageMap map) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("frame", file.toString());
        document.put("model", options.model().toString());
        document.put("region", options.region);
        document.put("map", map);
        return document;
    }

    static String summary(String name, DamageMap map) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %d tiles", name, map.tiles().size()));
        map.areas().forEach((cls, area) -> line.append(String.format(Locale.ROOT, ", %s %d (%.1f %% of road)",
                cls, map.tilesOf(cls), 100 * area.shareOfRoad())));
        line.append(", crack sub-types ").append(map.crackSubtypes());
        line.append(", crack areas ").append(map.crackAreas().size());
        return line.toString();
    }
}
