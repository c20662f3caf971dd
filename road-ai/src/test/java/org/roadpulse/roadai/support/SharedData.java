package org.roadpulse.roadai.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the shared road-damage data beside the checkout, or where ROADPULSE_DATA points; tests skip without it. */
public final class SharedData {
    private SharedData() {
    }

    public static Optional<Path> roadDamage() {
        Stream<Path> candidates = Stream.of(
                Optional.ofNullable(System.getenv("ROADPULSE_DATA")).map(Path::of).orElse(null),
                Path.of("../shared/data"), Path.of("../../shared/data"), Path.of("../../../shared/data"));
        return candidates.filter(p -> p != null)
                .map(p -> p.endsWith("road-damage") ? p : p.resolve("road-damage"))
                .filter(p -> Files.isRegularFile(p.resolve("splits/val.txt")))
                .findFirst()
                .map(Path::toAbsolutePath);
    }
}
