package org.roadpulse.ingest.flow;

import org.roadpulse.protocol.Direction;

/**
 * What one device counted in one direction over one bucket, as the rollups hold it.
 *
 * @param measuredSeconds seconds of the bucket its intervals covered
 */
public record StreamRow(String device, Direction direction, long measuredSeconds, CountSums sums) {
}
