package org.roadpulse.agent.camera;

/**
 * A vehicle that crossed a counting line.
 *
 * @param frame     the frame (0-based, decoded order) in which its centre was first seen past the line
 * @param direction the line's name for the direction it crossed in
 * @param at        the track's box in that frame
 * @param vehicle   the track, for its size and speed
 */
public record LineCrossing(long frame, String direction, Box at, TrackedVehicle vehicle) {
}
