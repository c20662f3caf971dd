package org.roadpulse.roadai.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.model.DamageClassifier;

/** Verifies the mapper's bookkeeping with a scripted classifier: batches, verdicts, areas and crack shapes. */
class DamageMapperTest {
    private static final List<String> CLASSES = List.of("crack", "no_damage", "pothole");
    private static final ImageSize FRAME = new ImageSize(1024, 640);
    private static final CrackShape LONGITUDINAL = new CrackShape(CrackSubtype.LONGITUDINAL,
            new CrackMeasurements(100, 60, 88, 0.95, 0, 0));

    @Test
    void classifiesTheRoadTilesInBatchesAndMeasuresTheAreaPerClass() {
        // GIVEN a 512 x 384 px road region on tile boundaries (12 tiles), two pothole tiles and three crack tiles
        RoadRegion region = RoadRegion.pixels(new double[][] {{0, 256}, {512, 256}, {512, 640}, {0, 640}});
        ScriptedFrame frame = new ScriptedFrame(FRAME)
                .with(128, 256, "pothole").with(256, 256, "pothole")
                .with(0, 384, "crack").with(128, 384, "crack").with(384, 512, "crack");
        ScriptedClassifier classifier = new ScriptedClassifier();
        DamageMapper mapper = new DamageMapper(classifier, region, Tiling.DEFAULT, tile -> Optional.of(LONGITUDINAL), 5);
        // WHEN
        DamageMap map = mapper.map(frame);
        // THEN 12 tiles went to the classifier in batches of 5, 5 and 2, each at the classifier's input size
        assertThat(classifier.batchSizes).containsExactly(5, 5, 2);
        assertThat(frame.requestedSizes).contains(ImageSize.square(32)).contains(ImageSize.square(128));
        assertThat(map.tiles()).hasSize(12);
        assertThat(map.tilesOf("pothole")).isEqualTo(2);
        // and the areas are whole tiles of the 196,608 px road
        double road = 512 * 384;
        assertThat(map.roadAreaPixels()).isEqualTo(road);
        assertThat(map.areas().get("pothole").pixels()).isEqualTo(2 * 128 * 128.0);
        assertThat(map.areas().get("crack").pixels()).isEqualTo(3 * 128 * 128.0);
        assertThat(map.areas().get("no_damage").shareOfRoad()).isCloseTo(7 / 12.0, within(1e-9));
        assertThat(map.tiledShareOfRoad()).isCloseTo(1.0, within(1e-9));
        // and every crack tile (only those) got a crack shape
        assertThat(map.crackSubtypes()).containsEntry(CrackSubtype.LONGITUDINAL, 3).containsEntry(CrackSubtype.ALLIGATOR, 0);
        assertThat(map.tiles()).allSatisfy(t -> assertThat(t.crackShape() != null).isEqualTo(t.className().equals("crack")));
        // and the two neighbouring crack tiles form one crack area, the third another
        assertThat(map.crackAreas()).extracting(a -> a.tiles().size()).containsExactly(2, 1);
        MappedTile pothole = map.tiles().stream().filter(t -> t.tile().x() == 128 && t.tile().y() == 256).findFirst().orElseThrow();
        assertThat(pothole.className()).isEqualTo("pothole");
        assertThat(pothole.confidence()).isCloseTo(0.8, within(1e-6));
        assertThat(pothole.probabilities()).containsOnlyKeys(CLASSES);
    }

    @Test
    void areasCountOnlyTheRoadInsideAPartlyCoveredTile() {
        // GIVEN a road that covers three quarters of a single tile
        RoadRegion region = RoadRegion.pixels(new double[][] {{0, 512}, {96, 512}, {96, 640}, {0, 640}});
        ScriptedFrame frame = new ScriptedFrame(FRAME).with(0, 512, "crack");
        DamageMapper mapper = new DamageMapper(new ScriptedClassifier(), region, Tiling.DEFAULT, CrackShapeEstimator.NONE, 8);
        // WHEN
        DamageMap map = mapper.map(frame);
        // THEN the crack area is the tile's road part and the whole road
        assertThat(map.tiles()).singleElement().satisfies(t -> assertThat(t.tile().insideShare()).isEqualTo(0.75));
        assertThat(map.areas().get("crack").pixels()).isEqualTo(96 * 128.0);
        assertThat(map.areas().get("crack").shareOfRoad()).isEqualTo(1.0);
    }

    @Test
    void overlappingTilesOfOneClassAreCountedOnce() {
        // GIVEN tiles of 128 px every 64 px over a 256 x 128 px road, all crack
        RoadRegion region = RoadRegion.pixels(new double[][] {{0, 512}, {256, 512}, {256, 640}, {0, 640}});
        ScriptedFrame frame = new ScriptedFrame(FRAME).everywhere("crack");
        DamageMapper mapper = new DamageMapper(new ScriptedClassifier(), region, new Tiling(128, 64, 0.5),
                CrackShapeEstimator.NONE, 64);
        // WHEN
        DamageMap map = mapper.map(frame);
        // THEN 3 tiles wholly inside and 4 half inside (x or y shifted by 64 px), each clipped area summed would be
        // 3 * 16,384 + 4 * 8,192 = 81,920 px; counted once the crack area is the 32,768 px road
        assertThat(map.tiles()).hasSize(7);
        assertThat(map.areas().get("crack").pixels()).isEqualTo(256 * 128.0);
        assertThat(map.crackSubtypes().values()).allMatch(n -> n == 0);
    }

    /** Cuts tiles whose first byte names the class the test wants for the tile at that position. */
    private static final class ScriptedFrame implements Frame {
        private final ImageSize size;
        private final Map<String, String> classAt = new HashMap<>();
        private String otherwise = "no_damage";
        final List<ImageSize> requestedSizes = new ArrayList<>();

        ScriptedFrame(ImageSize size) {
            this.size = size;
        }

        ScriptedFrame with(int x, int y, String cls) {
            classAt.put(x + "," + y, cls);
            return this;
        }

        ScriptedFrame everywhere(String cls) {
            otherwise = cls;
            return this;
        }

        @Override
        public ImageSize size() {
            return size;
        }

        @Override
        public PatchPixels cut(Tile tile, ImageSize patchSize) {
            requestedSizes.add(patchSize);
            byte[] bgr = new byte[patchSize.width() * patchSize.height() * 3];
            Arrays.fill(bgr, (byte) CLASSES.indexOf(classAt.getOrDefault(tile.x() + "," + tile.y(), otherwise)));
            return new PatchPixels(patchSize.width(), patchSize.height(), bgr);
        }
    }

    /** Says 0.8 for the class index in a patch's first byte, 0.1 for the others, and records its batch sizes. */
    private static final class ScriptedClassifier implements DamageClassifier {
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public List<String> classes() {
            return CLASSES;
        }

        @Override
        public ImageSize inputSize() {
            return ImageSize.square(32);
        }

        @Override
        public float[][] probabilities(List<PatchPixels> patches) {
            batchSizes.add(patches.size());
            float[][] rows = new float[patches.size()][CLASSES.size()];
            for (int i = 0; i < patches.size(); i++) {
                Arrays.fill(rows[i], 0.1f);
                rows[i][patches.get(i).bgr()[0]] = 0.8f;
            }
            return rows;
        }
    }
}
