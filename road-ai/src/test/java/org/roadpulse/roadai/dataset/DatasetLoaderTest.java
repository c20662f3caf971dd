package org.roadpulse.roadai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.support.SyntheticRoadImages;

/** Bad input: skipped and counted, never a crash; an empty class is an error naming its folder. */
class DatasetLoaderTest {
    @TempDir
    Path root;

    @Test
    void corruptAndNonImageFilesAreSkippedAndCounted() throws IOException {
        // GIVEN 3 good images per class plus a truncated PNG and a text file
        SyntheticRoadImages.write(root, 3, 24, 1);
        byte[] png = Files.readAllBytes(root.resolve("crack/crack_0.png"));
        Files.write(root.resolve("crack/truncated.png"), java.util.Arrays.copyOf(png, 20));
        Files.writeString(root.resolve("pothole/notes.txt"), "not an image");
        // WHEN
        LoadedDataset data = new DatasetLoader().load(ClassFolders.scan(root), ImageSize.square(24));
        // THEN
        assertThat(data.size()).isEqualTo(9);
        assertThat(data.skipped()).extracting(LoadedDataset.SkippedFile::file)
                .containsExactlyInAnyOrder(root.resolve("crack/truncated.png").toString(),
                        root.resolve("pothole/notes.txt").toString());
    }

    @Test
    void anEmptyClassFolderIsAnErrorNamingTheFolder() throws IOException {
        SyntheticRoadImages.write(root, 2, 24, 1);
        Files.createDirectories(root.resolve("rutting"));

        assertThatThrownBy(() -> ClassFolders.scan(root))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(root.resolve("rutting").toString()).hasMessageContaining("empty");
    }

    @Test
    void aClassFolderWithOnlyUnreadableFilesIsAnErrorNamingTheFolder() throws IOException {
        SyntheticRoadImages.write(root, 2, 24, 1);
        Files.createDirectories(root.resolve("rutting"));
        Files.writeString(root.resolve("rutting/readme.txt"), "no images yet");

        assertThatThrownBy(() -> new DatasetLoader().load(ClassFolders.scan(root), ImageSize.square(24)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(root.resolve("rutting").toString());
    }

    @Test
    void imagesOfAnotherSizeAreResizedNotRejected() throws IOException {
        SyntheticRoadImages.write(root, 2, 40, 1);

        LoadedDataset data = new DatasetLoader().load(ClassFolders.scan(root), ImageSize.square(16));

        assertThat(data.images()).allSatisfy(p -> assertThat(p.size()).isEqualTo(ImageSize.square(16)));
    }

    @Test
    void splitFilePathsAreRelativeToTheDataFolder() throws IOException {
        SyntheticRoadImages.write(root, 2, 24, 1);
        Path split = Files.createDirectories(root.resolve("splits")).resolve("val.txt");
        Files.write(split, List.of("crack/crack_0.png\tcrack", "pothole/pothole_1.png\tpothole"));

        DatasetIndex index = SplitFile.read(split);

        assertThat(index.classes()).containsExactly("crack", "pothole");
        assertThat(index.files()).extracting(LabelledFile::file).allSatisfy(f -> assertThat(f).exists());
    }
}
