package org.roadpulse.roadai.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The model file a command uses: the one given, else the shipped model when it exists. */
final class ModelChoice {
    /** Where the shipped model lives, from the repository root and from the module folder. */
    static final List<Path> DEFAULTS = List.of(Path.of("road-ai/models/road-damage.zip"), Path.of("models/road-damage.zip"));

    private ModelChoice() {
    }

    static Path resolve(Path given) {
        if (given != null) {
            return given;
        }
        Optional<Path> shipped = DEFAULTS.stream().filter(Files::isRegularFile).findFirst();
        return shipped.orElseThrow(() -> new IllegalArgumentException(
                "no model: give --model FILE (the default " + DEFAULTS.get(0) + " does not exist yet)"));
    }
}
