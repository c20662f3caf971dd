package org.roadpulse.roadai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.support.SharedData;

/** Checks the shared road-damage splits as this code reads them; skipped where the shared data is absent. */
class SharedRoadDamageDataTest {
    private Path data;

    @BeforeEach
    void sharedDataPresent() {
        Optional<Path> found = SharedData.roadDamage();
        assumeTrue(found.isPresent(), "shared road-damage data not found (../shared/data or ROADPULSE_DATA)");
        data = found.get();
    }

    @Test
    void splitsHaveTheDocumentedClassCountsAndEveryFileExists() {
        DatasetIndex train = SplitFile.read(data.resolve("splits/train.txt"));
        DatasetIndex val = SplitFile.read(data.resolve("splits/val.txt"));

        assertThat(countsOf(train)).isEqualTo(Map.of("crack", 1503L, "pothole", 427L, "no_damage", 1197L));
        assertThat(countsOf(val)).isEqualTo(Map.of("crack", 1074L, "pothole", 188L, "no_damage", 729L));
        assertThat(train.files()).allSatisfy(f -> assertThat(Files.isRegularFile(f.file())).isTrue());
    }

    @Test
    void sharedPatchesDecodeAtTheModelSize() {
        DatasetIndex val = SplitFile.read(data.resolve("splits/val.txt"));
        DatasetIndex sample = new DatasetIndex("val sample", val.classes(),
                IntStream.range(0, val.files().size()).filter(i -> i % 40 == 0).mapToObj(val.files()::get).toList());

        LoadedDataset loaded = new DatasetLoader().load(sample, ImageSize.square(64));

        assertThat(loaded.skipped()).isEmpty();
        assertThat(loaded.images()).allSatisfy(p -> assertThat(p.size()).isEqualTo(ImageSize.square(64)));
    }

    private static Map<String, Long> countsOf(DatasetIndex index) {
        return index.files().stream().collect(Collectors.groupingBy(LabelledFile::label, Collectors.counting()));
    }
}
