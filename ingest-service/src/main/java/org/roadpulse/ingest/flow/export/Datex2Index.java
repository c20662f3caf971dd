package org.roadpulse.ingest.flow.export;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.protocol.Direction;

/**
 * The DATEX II measurement index of a site. A measured value names only its index; the site's record in the
 * measurement site table says what the index means (value type, vehicle types, side of the road). The numbering:
 * a block of 100 per direction (cross-section 0, forward 100, backward 200), within it {@value #SPEED} for speeds
 * and the {@link ExchangeCategory} numbers for flows, so every site uses the same numbers for the same values.
 */
final class Datex2Index {

    static final int SPEED = 1;

    private Datex2Index() {
    }

    static int speed(@Nullable Direction direction) {
        return block(direction) + SPEED;
    }

    static int flow(@Nullable Direction direction, ExchangeCategory category) {
        return block(direction) + category.number();
    }

    /**
     * DATEX II's {@code DirectionEnum} for the side measured: forward is "aligned" with the site's reference
     * direction, backward "opposite"; the cross-section is both ways, or the one direction a one-way site has.
     */
    static String side(@Nullable Direction direction, MeasurementSite site) {
        if (direction == Direction.FORWARD) {
            return "aligned";
        }
        if (direction == Direction.BACKWARD) {
            return "opposite";
        }
        if (site.lanesForward() > 0 && site.lanesBackward() == 0) {
            return "aligned";
        }
        if (site.lanesBackward() > 0 && site.lanesForward() == 0) {
            return "opposite";
        }
        return "bothWays";
    }

    private static int block(@Nullable Direction direction) {
        if (direction == null) {
            return 0;
        }
        return direction == Direction.FORWARD ? 100 : 200;
    }
}
