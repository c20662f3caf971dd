package org.roadpulse.roadai.mapping;

import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.images.PatchPixels;

/** A decoded vehicle-camera frame the mapper can cut tiles from; the decoding technology stays behind it. */
public interface Frame {

    ImageSize size();

    /** The tile's pixels scaled to {@code size} (the classifier's input). */
    PatchPixels cut(Tile tile, ImageSize size);

    /** The tile's pixels at the frame's own resolution. */
    default PatchPixels cut(Tile tile) {
        return cut(tile, ImageSize.square(tile.side()));
    }
}
