package org.roadpulse.protocol.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Files of the shared data folder (traffic counts, DATEX II schemas, ...), which lives beside the repository as
 * {@code ../shared/data} and is never copied into it; {@code -Droadpulse.data=DIR} or {@code ROADPULSE_DATA} names
 * another place. Every module's tests look it up here, from the module folder or the repository root.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The file, or empty where the shared data is absent. */
    public static Optional<Path> find(String relative) {
        return roots().stream().map(root -> root.resolve(relative)).filter(Files::isReadable).findFirst();
    }

    /** The file; where it is absent the calling test is skipped, not failed. */
    public static Path require(String relative) {
        Optional<Path> file = find(relative);
        Assumptions.assumeTrue(file.isPresent(), "shared data not found (" + relative + "); test skipped");
        return file.get();
    }

    private static List<Path> roots() {
        String configured = System.getProperty("roadpulse.data", System.getenv("ROADPULSE_DATA"));
        Path here = Path.of("").toAbsolutePath();
        return configured != null ? List.of(Path.of(configured))
                : List.of(here.resolve("../shared/data"), here.resolve("../../shared/data"),
                here.resolve("../../../shared/data"));
    }
}
