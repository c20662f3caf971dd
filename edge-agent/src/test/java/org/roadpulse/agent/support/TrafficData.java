package org.roadpulse.agent.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real traffic files in the shared data folder ({@code ../shared/data} beside the repository, or
 * {@code -Droadpulse.data=...}). Tests that use them are skipped, not failed, where the folder is absent.
 */
public final class TrafficData {

    private TrafficData() {
    }

    public static Path bastZst5651() {
        return require("traffic/bast-zst5651-2021/zst5651_2021.csv");
    }

    public static Path moersRadar() {
        return require("traffic/moers-radar/romerstrasse-415t3024102016.txt");
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
