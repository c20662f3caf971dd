package org.roadpulse.agent.camera;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies that blobs of two vehicles are cut at the valley between them, and a wide lorry is not. */
class BlobSplitterTest {

    private final BlobSplitter splitter = new BlobSplitter(60, 1000);

    @Test
    void twoCarsSideBySideJoinedByAThinBridgeAreSeparated() {
        // two 40 x 30 cars at x 0..39 and 50..89, joined by a 2-pixel-high bridge: cut where the bridge begins
        BlobSplitter.Mask mask = (x, y) -> (x < 40 || x >= 50) && x < 90 && y < 30 || (y >= 14 && y < 16 && x < 90);
        assertThat(splitter.split(new Box(0, 0, 90, 30), mask))
                .containsExactly(new Box(0, 0, 40, 30), new Box(40, 0, 50, 30));
    }

    @Test
    void aWideSolidLorryStaysWhole() {
        BlobSplitter.Mask mask = (x, y) -> x < 90 && y < 30;
        assertThat(splitter.split(new Box(0, 0, 90, 30), mask)).containsExactly(new Box(0, 0, 90, 30));
    }

    @Test
    void aBlobNarrowerThanAVehicleIsNeverCut() {
        BlobSplitter.Mask mask = (x, y) -> x < 20 || x >= 40 && x < 55;
        assertThat(splitter.split(new Box(0, 0, 55, 30), mask)).containsExactly(new Box(0, 0, 55, 30));
    }
}
