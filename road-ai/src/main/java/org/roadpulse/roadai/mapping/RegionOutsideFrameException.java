package org.roadpulse.roadai.mapping;

/** A road region given in pixels that misses a frame altogether (e.g. a frame smaller than the camera's it was drawn for). */
public final class RegionOutsideFrameException extends IllegalArgumentException {
    public RegionOutsideFrameException(String message) {
        super(message);
    }
}
