package org.roadpulse.roadai.roads;

/**
 * Where a position lies on the road network.
 *
 * @param segment          the nearest segment within the tolerance
 * @param chainageMetres   distance along the segment from its first position to the foot of the perpendicular
 * @param offsetMetres     distance from the position to the segment
 * @param section          the 10-m section of the segment the position falls in (0 = the first 10 m)
 */
public record Snapped(RoadSegment segment, double chainageMetres, double offsetMetres, int section) {
}
