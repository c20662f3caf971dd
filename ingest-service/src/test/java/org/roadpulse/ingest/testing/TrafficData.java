package org.roadpulse.ingest.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real traffic files in the shared data folder ({@code ../shared/data} beside the repository, or
 * {@code -Droadpulse.data=DIR} / {@code ROADPULSE_DATA}), found as the edge agent's tests find them. Tests that need
 * them are skipped, not failed, where the folder is absent.
 */
public final class TrafficData {

    private TrafficData() {
    }

    /** BASt permanent counting station 5651 (A 4, North Rhine-Westphalia), hourly counts of 2021. */
    public static Path bastZst5651() {
        return require("traffic/bast-zst5651-2021/zst5651_2021.csv");
    }

    private static Path require(String relative) {
        for (Path root : roots()) {
            Path file = root.resolve(relative);
            if (Files.isReadable(file)) {
                return file;
            }
        }
        Assumptions.abort("shared traffic data not found (" + relative + "); test skipped");
        return null;
    }

    private static List<Path> roots() {
        String configured = System.getProperty("roadpulse.data", System.getenv("ROADPULSE_DATA"));
        Path here = Path.of("").toAbsolutePath();
        return configured != null ? List.of(Path.of(configured))
                : List.of(here.resolve("../shared/data"), here.resolve("../../shared/data"),
                here.resolve("../../../shared/data"));
    }
}
